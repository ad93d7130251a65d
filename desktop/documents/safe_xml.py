"""XML from documents parsed safely: no DTD loaded, no entity expanded, nothing fetched, no huge trees.

lxml's parser with resolve_entities=False, no_network=True, load_dtd=False and huge_tree=False
(libxml2's limits on depth and text size stay on). A part that declares entities is refused before
parsing: office packages never need them, and that is how billion-laughs and external-entity files
are built.
"""

from __future__ import annotations

import re

from desktop.documents.model import DocumentError

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)


def parse_xml(data: bytes, name: str, part: str):  # -> lxml.etree._Element
    from lxml import etree

    if _ENTITY_DECLARATION.search(data):
        raise DocumentError(f"{name} declares XML entities in {part}; Factlight does not expand them.")
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        recover=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise DocumentError(f"{name} is damaged: {part} is not well-formed XML.") from exc
    if root is None:
        raise DocumentError(f"{name} is damaged: {part} is empty.")
    return root
