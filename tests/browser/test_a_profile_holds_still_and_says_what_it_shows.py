"""Issue 22, Lighthouse: a municipality's page opened with no choice (ADR 36) moved 0.098-0.108 of the screen at
Lighthouse's mobile size: its confirmation ("Egedal er valgt og fremhæves nu i resten af bogen.") and the bar's line
of what the choice marks appeared with the deferred scripts, over the page's lead. The page keeps their place from its
first paint, and says what it shows (ADR 58: its own municipality, the reader's choice left as it was; the
confirmation where that choice is the page's own): a cumulative layout shift of at most 0.01 at a phone's and a
desktop's size."""

from __future__ import annotations

import pytest

from support.shifts import layout_shifts, on_a_phones_network

pytestmark = pytest.mark.browser

# The full Chromium (conftest's `full_chromium`), as Lighthouse's: the headless shell leaves out shifts a reader's
# browser counts.

# Lighthouse's mobile screen, a small phone's, and a desktop's.
SCREENS = {"lighthouse": (412, 823), "phone": (375, 667), "desktop": (1280, 800)}

# What the page says of the choice, as shown.
SAID_JS = """() => [...document.querySelectorAll('.kr-profile-chosen, .kr-profile-says')].filter((p) => p.checkVisibility())
  .map((p) => p.textContent).join('')"""


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("query", ["", "?kommune=ringkoebing-skjern", "?kommune=koege"])
def test_a_profile_holds_still_on_opening_and_says_what_it_shows(full_chromium, site_url, data, screen, query):
    row = data.municipalities.set_index("slug").loc["ringkoebing-skjern"]  # the longest name: its sentence wraps most
    width, height = SCREENS[screen]
    # Lighthouse counts the early shifts Chromium's mobile emulation flags as after input, so they count here too: no
    # input is made.
    context, page = on_a_phones_network(full_chromium, {"width": width, "height": height})
    try:
        page.goto(f"{site_url}/kommuner/profil-ringkoebing-skjern.html{query}")
        seen = layout_shifts(page, with_input=True) | {"said": page.evaluate(SAID_JS)}
        if "ringkoebing" in query:
            assert seen["said"] == f"{row['name']} er valgt og fremhæves nu i resten af bogen.", seen
        else:
            assert seen["said"].startswith(f"Siden handler om {row['name']}, uanset"), seen
        assert seen["total"] <= 0.01, seen
    finally:
        context.close()
