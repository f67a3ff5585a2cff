"""The anonymity rule: a role and a municipality shown together can name a person.

The report names no municipality for any quote. Once a quote is tied to one (stated by an analyst or
inferred by the editors), a role such as "Leder af kulturinstitution" may point to one person in a small
municipality. So, unless the data folder turns the rule off (options.csv, `anonymitet` = `fra`), a
quote tied to a municipality shows its speaker category instead of its role, and of its printed caption only
what comes before the role ("Stjernestund fra plejehjem", not "... fortalt af <rolle>"), unless its row is
cleared for publication (`cleared` = `ja`). The rule is decided here, once, as the
columns `shown_role` and `shown_caption` that `load()` adds; pages, downloads, the explorer and the
REFI-QDA export read those, never `speaker_role` or `caption` directly.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from kulturensrige.data.csv_reading import MAX_CELL_LINES, thousands
from kulturensrige.data.problems import Problem
from kulturensrige.data.schema import ANONYMITY, ATTRIBUTIONS, NOT_STATED, OFF, YES

INFERRED = ATTRIBUTIONS[1]  # the attribution of a tie someone inferred, not stated


def rule_is_on(options: pd.DataFrame) -> bool:
    """On unless the folder's options say `anonymitet` = `fra`."""
    chosen = options.loc[options["option_id"] == ANONYMITY, "value"]
    return not (len(chosen) and chosen.iloc[0] == OFF)


def hidden(quotes: pd.DataFrame, on: bool) -> pd.Series:
    """Rows whose exact role must not be shown: tied to a municipality and not cleared, while the rule is on."""
    if not on:
        return pd.Series(False, index=quotes.index)
    return (quotes["kommunekode"] != "") & (quotes["cleared"] != YES)


def withheld_ties(quotes: pd.DataFrame) -> pd.Series:
    """Rows whose municipality tie no publication prints (the PDF editions, the downloads): ties inferred, not stated,
    for a quote that is not cleared. With the role the report prints under the quote they can point to one person;
    the pages show them only when the reader turns them on (docs/adr/0033-inferred-ties-off-by-default.md)."""
    return (quotes["attribution"] == INFERRED) & (quotes["cleared"] != YES)


def with_shown_roles(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables with `shown_role` and `shown_caption` added to quotes, by the rule above."""
    quotes = tables["quotes"]
    categories = dict(zip(tables["speaker_categories"]["speaker_category_id"], tables["speaker_categories"]["label"], strict=True))
    mask = hidden(quotes, rule_is_on(tables["options"]))
    shown = quotes.assign(
        shown_role=quotes["speaker_role"].where(~mask, quotes["speaker_category"].map(categories)),
        shown_caption=quotes["caption"].where(
            ~mask, [caption_without_role(c, r) for c, r in zip(quotes["caption"], quotes["speaker_role"], strict=True)]
        ),
    )
    return {**tables, "quotes": shown}


def caption_without_role(caption: str, role: str) -> str:
    """The part of a printed caption before the speaker's role: the report's own words about the moment, which name
    no one ('Stjernestund fra plejehjem fortalt af <rolle>' -> 'Stjernestund fra plejehjem'). A caption that does
    not end with the role is held back whole."""
    if not role or not caption.casefold().endswith(role.casefold()):
        return ""
    head = re.sub(r"[\s.,]*fortalt af\s*$", "", caption[: -len(role)], flags=re.IGNORECASE)
    return "" if head.casefold() == caption[: -len(role)].strip().casefold() else head.strip()


def unique_role_warnings(tables: Mapping[str, pd.DataFrame], rows: list[int], label: str) -> list[Problem]:
    """One warning per quote whose role occurs only once within its municipality: it may point to one person.

    A role that is just a speaker category's label (as after an anonymised export) names no one."""
    quotes, options = tables["quotes"], tables["options"]
    labels = set(tables["speaker_categories"]["label"])
    tied = quotes[(quotes["kommunekode"] != "") & (quotes["speaker_role"] != NOT_STATED) & ~quotes["speaker_role"].isin(labels)]
    counts = tied.groupby(["kommunekode", "speaker_role"])["speaker_role"].transform("size")
    shown = ~hidden(quotes, rule_is_on(options))
    warnings = []
    alone = tied.index[counts == 1]
    for i in alone[:MAX_CELL_LINES]:
        q = quotes.loc[i]
        consequence = (
            "bogen viser den, fordi rækken er frigivet (cleared) eller reglen er slået fra"
            if shown[i]
            else "bogen viser talerkategorien i stedet, så længe rækken ikke er frigivet"
        )
        warnings.append(
            Problem(
                label,
                rows[i] if i < len(rows) else None,
                "speaker_role",
                q["speaker_role"],
                f"advarsel: rollen står kun én gang i kommune {q['kommunekode']} og kan pege på én person; {consequence}",
            )
        )
    if len(alone) > MAX_CELL_LINES:  # capped as the errors are: 1,169 lines for one folder buried everything else
        first = alone[MAX_CELL_LINES]
        rest = thousands(len(alone) - MAX_CELL_LINES - 1)
        more = f"advarsel: denne og {rest} rækker mere har også en rolle, der kun står én gang i sin kommune og kan pege på én person"
        warnings.append(Problem(label, rows[first] if first < len(rows) else None, "speaker_role", None, more))
    return warnings
