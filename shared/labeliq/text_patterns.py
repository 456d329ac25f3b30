"""Shapes of address and contact text on Canadian labels: postal codes, streets, websites, phones.

The checkers read these to tell a physical place of business from a website or phone number (CFIA ILT,
name and principal place of business). They sit outside the checkers so the parser's dealer reader
(extraction/parse_dealer.py, which has narrower patterns of its own) can use the same ones later. They run on
text as printed (not folded): accents in "côte", "montée" are matched as such.
"""

from __future__ import annotations

import re

POSTAL_CA = re.compile(
    r"(?<![A-Za-z0-9])[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d(?![A-Za-z0-9])"
)
US_ZIP = re.compile(r"(?<![\w-])\d{5}(?:-\d{4})?(?![\w-])")
URL = re.compile(r"(https?://\S+|www\.\S+|\b[\w-]+(\.[\w-]+)*\.(com|ca|net|org|co|fr|us|info|biz)\b/?\S*)", re.I)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b")
PHONE = re.compile(
    r"(\+?1[\s.-]?)?(\(?\d{3}\)?[\s.-]?)\d{3}[\s.-]?\d{4}\b|\b1[\s-]?8\d\d[\s-]?[\dA-Z]{3}[\s-]?[\dA-Z]{4}\b"
)
PO_BOX = re.compile(r"\b(p\.?\s?o\.?\s*box|c\.?\s?p\.?\s*\d|case postale|box\s+\d)", re.I)
STREET = re.compile(
    r"\b\d+[A-Za-z]?,?\s+([\w'.-]+\s+){0,4}?(st|street|rd|road|ave|avenue|blvd|boulevard|dr|drive|way|lane|ln|"
    r"cres|crescent|ct|court|hwy|highway|pkwy|parkway|pl|place|sq|square|terr|terrace|cir|circle|trail|line|"
    r"concession|rang|route|rue|chemin|ch|boul|av|montée|allée|côte|rang)\b\.?|\b\d+,?\s+(rue|chemin|boul|"
    r"boulevard|avenue|av|route|rang|montée|allée|place|côte)\b",
    re.I,
)
CONTACT_WORDS = re.compile(
    r"\b(tel|tél|phone|téléphone|call|appelez|fax|toll[- ]free|sans frais|visit|visitez|email|courriel|web)\b\.?:?",
    re.I,
)
