"""A cap on the explorer's kernels when Voilà serves it (`make explorer`), and a short life for a kernel no page uses.

Voilà starts a kernel of about 123 MB for every request of the page, and nothing in Voilà or jupyter_server limits
how many run at once: four requests gave four kernels, kept until two minutes after their page was gone (hostile
round 14, #9). `CappedKernelManager` is jupyter_server's kernel manager with a ceiling: a request beyond it gets
HTTP 503 and a Danish line at once, and no kernel is started.

A ceiling alone let two bare requests (a client that reads the page and never opens its websocket) hold two of the
four kernels for about 150 s, jupyter_server's idle timeout plus its culling interval, while readers got the 503
(hostile round 15). A browser that shows the page connects within seconds of the kernel going idle, so a kernel that
no page has ever connected to is shut down after `unconnected_timeout` idle seconds; one whose page has been
connected keeps the usual idle timeout, so a reader whose connection drops for a moment still finds it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado.web import HTTPError
from traitlets import Integer

MAX_KERNELS = 4  # four visitors at once: about 500 MB of kernels
UNCONNECTED_SECONDS = 25
FULL = "Udforskeren har for mange besøgende lige nu; prøv igen om et par minutter."


class CappedKernelManager(AsyncMappingKernelManager):
    """AsyncMappingKernelManager that starts no kernel beyond `max_kernels` running ones, and shuts down a kernel
    that no page has connected to once it has been idle for `unconnected_timeout` seconds."""

    max_kernels = Integer(MAX_KERNELS, config=True, help="Højst så mange kerner på én gang; en side ud over det får HTTP 503.")

    unconnected_timeout = Integer(
        UNCONNECTED_SECONDS,
        config=True,
        help="Sekunder, en kerne, som ingen side har forbundet sig til, må stå ledig, før den lukkes (ved næste cull_interval).",
    )

    starting = Integer(0)  # kernels asked for and not yet listed: two requests at once must not both pass the check

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.ever_connected: set[str] = set()  # kernels a page has opened a websocket to, at any time

    # jupyter_client declares start_kernel synchronous; the async manager's is a coroutine, as here.
    async def start_kernel(self, *args: Any, **kwargs: Any) -> str:  # type: ignore[override]
        if len(self.list_kernel_ids()) + self.starting >= self.max_kernels:
            raise HTTPError(503, FULL, reason=FULL)
        self.starting += 1
        try:
            return await super().start_kernel(*args, **kwargs)
        finally:
            self.starting -= 1

    def notify_connect(self, kernel_id: str) -> None:
        super().notify_connect(kernel_id)
        if kernel_id in self._kernel_connections:
            self.ever_connected.add(kernel_id)

    def abandoned(self, kernel_id: str, now: dt.datetime) -> bool:
        """Whether the kernel was never connected to by a page and has been idle (not busy) longer than
        `unconnected_timeout` seconds at `now`."""
        kernel = self._kernels[kernel_id]
        last = getattr(kernel, "last_activity", None)  # set by jupyter_server once it watches the kernel
        if kernel_id in self.ever_connected or last is None or getattr(kernel, "execution_state", None) == "busy":
            return False
        return now - last > dt.timedelta(seconds=self.unconnected_timeout)

    async def cull_kernels(self) -> None:
        self.ever_connected &= set(self._kernels)  # the ids of kernels shut down since are dropped
        await super().cull_kernels()

    async def cull_kernel_if_idle(self, kernel_id: str) -> None:
        if self.abandoned(kernel_id, dt.datetime.now(dt.UTC)):
            self.log.warning("Culling kernel %s: no page has connected to it, idle > %s s.", kernel_id, self.unconnected_timeout)
            await self.shutdown_kernel(kernel_id)
            return
        await super().cull_kernel_if_idle(kernel_id)
