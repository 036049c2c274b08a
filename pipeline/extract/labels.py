"""The one set of entity labels of both languages, and where each model's labels go.

- PERSON: people, by name or title. OntoNotes PERSON; jiagu PER.
- PLACE: countries, provinces, cities, regions, sites. OntoNotes GPE, LOC, FAC; jiagu LOC.
- ORG: parties, ministries, committees, enterprises. OntoNotes ORG; jiagu ORG.
- GROUP: nationalities, religious and political groups. OntoNotes NORP (English only).

The period glossary uses jiagu's labels. Numbers, dates and quantities are not entities:
the numbers of both languages are in ``Document.numbers``. A Chinese place pairs with an
English place or group (苏联: "Soviet").
"""
from __future__ import annotations

PERSON, PLACE, ORG, GROUP = "PERSON", "PLACE", "ORG", "GROUP"
LABELS = (PERSON, PLACE, ORG, GROUP)
FROM_ONTONOTES = {"PERSON": PERSON, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE, "ORG": ORG,
                  "NORP": GROUP}
FROM_JIAGU = {"PER": PERSON, "LOC": PLACE, "ORG": ORG}  # the glossary's labels too
# The English labels a Chinese entity of each label may pair with.
PAIRABLE = {PERSON: {PERSON}, PLACE: {PLACE, GROUP}, ORG: {ORG}}
