"""A cap on the explorer's kernels when Voilà serves it (`make explorer`).

Voilà starts a kernel of about 123 MB for every request of the page, and nothing in Voilà or jupyter_server limits
how many run at once: four requests gave four kernels, kept until two minutes after their page was gone (hostile
round 14, #9). `CappedKernelManager` is jupyter_server's kernel manager with a ceiling: a request beyond it gets
HTTP 503 and a Danish line at once, and no kernel is started.
"""

from __future__ import annotations

from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado.web import HTTPError
from traitlets import Integer

MAX_KERNELS = 4  # four visitors at once: about 500 MB of kernels
FULL = "Udforskeren har for mange besøgende lige nu; prøv igen om et par minutter."


class CappedKernelManager(AsyncMappingKernelManager):
    """AsyncMappingKernelManager that starts no kernel beyond `max_kernels` running ones."""

    max_kernels = Integer(MAX_KERNELS, config=True, help="Højst så mange kerner på én gang; en side ud over det får HTTP 503.")

    starting = Integer(0)  # kernels asked for and not yet listed: two requests at once must not both pass the check

    # jupyter_client declares start_kernel synchronous; the async manager's is a coroutine, as here.
    async def start_kernel(self, *args: Any, **kwargs: Any) -> str:  # type: ignore[override]
        if len(self.list_kernel_ids()) + self.starting >= self.max_kernels:
            raise HTTPError(503, FULL, reason=FULL)
        self.starting += 1
        try:
            return await super().start_kernel(*args, **kwargs)
        finally:
            self.starting -= 1
