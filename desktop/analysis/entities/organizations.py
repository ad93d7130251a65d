"""A short table of organisations the small model often takes for people or places, and airline names.

spaCy's small English model tags "Twitter" as a person and "Air Astana" as a building. As with
place_names, a table of the few names news mentions most is steadier than a context rule, and it only
corrects the kind of a mention the model already found.
"""

from __future__ import annotations

WELL_KNOWN = frozenset(
    """Twitter Facebook Instagram YouTube TikTok WhatsApp Snapchat Reddit LinkedIn Telegram Signal
    Google Alphabet Apple Amazon Microsoft Netflix Meta Tesla SpaceX Uber Lyft Airbnb Spotify Nvidia
    Intel Samsung Huawei Alibaba Tencent Baidu Sony Nintendo Toyota Volkswagen Boeing Airbus Pfizer
    Moderna AstraZeneca Reuters Bloomberg Interfax Xinhua NASA ESA NATO Hamas Hezbollah Taliban Kremlin
    Pentagon Interpol Europol Greenpeace Wikipedia Hulu Disney ESPN""".split()  # noqa: SIM905
)


def is_known_organization(name: str) -> bool:
    """True for the table's names and for airlines written "Air …" ("Air Canada", "Air Astana")."""
    words = name.split()
    return name in WELL_KNOWN or (len(words) >= 2 and words[0] == "Air" and words[1][:1].isupper())
