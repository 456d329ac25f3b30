"""Links from a finding's citation to the section on the official consolidated text, so a reviewer reads the law itself.

Only the two regulations the checkers cite are linked (Justice Laws publishes one page per section); guidance such as
"CFIA ILT, date markings" stays plain text rather than guessing a URL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FDR_BASE = "https://laws-lois.justice.gc.ca/eng/regulations/C.R.C.,_c._870/"
SFCR_BASE = "https://laws-lois.justice.gc.ca/eng/regulations/SOR-2018-108/"

_MARKER = re.compile(r"\b(FDR|SFCR)\b")
_FDR_SECTION = re.compile(r"(?<![\w.])([A-D]\.\d{2}\.\d{3}(?:\.\d+)?)((?:\(\w+(?:\.\d+)?\))*)")
_SFCR_SECTION = re.compile(r"(?<![\w.(])(?<!Schedule )(?<!Table )(\d{1,3})((?:\(\w+(?:\.\d+)?\))*)(?![\w.])")


@dataclass(frozen=True)
class CitationPart:
    text: str
    url: str | None = None  # the section's page on laws-lois.justice.gc.ca, when the part names one


def section_url(regulation: str, section: str) -> str:
    """The Justice Laws page of one section, e.g. ("FDR", "B.01.007") -> .../C.R.C.,_c._870/section-B.01.007.html."""
    base = FDR_BASE if regulation == "FDR" else SFCR_BASE
    return f"{base}section-{section}.html"


def citation_parts(citation: str) -> list[CitationPart]:
    """The citation cut into text and linked sections, in order; joined, the parts' text is the citation unchanged."""
    parts: list[CitationPart] = []
    pos = 0
    markers = list(_MARKER.finditer(citation))
    for index, marker in enumerate(markers):
        end = markers[index + 1].start() if index + 1 < len(markers) else len(citation)
        stop = citation.find(";", marker.end(), end)
        segment_end = end if stop < 0 else stop
        pattern = _FDR_SECTION if marker.group(1) == "FDR" else _SFCR_SECTION
        for match in pattern.finditer(citation, marker.end(), segment_end):
            if match.start() > pos:
                parts.append(CitationPart(citation[pos : match.start()]))
            parts.append(CitationPart(match.group(0), section_url(marker.group(1), match.group(1))))
            pos = match.end()
    if pos < len(citation):
        parts.append(CitationPart(citation[pos:]))
    return parts
