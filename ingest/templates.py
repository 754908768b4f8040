"""An uploaded PowerPoint template is opened first in the isolated parser process (``kind="template"``).

python-pptx unpacks and parses every XML part of the deck; a hostile template (a ZIP bomb, a billion
laughs DTD, a part that makes lxml allocate without bound) must end that child, never the server. So the
template is checked here (size, ZIP members and ratios, DTDs in every part) while the child opens it the way
the pack writer will and finds its layouts. Only a template that passed is handed to ``reports.render``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from model.issues import IngestError, Issue, error

if TYPE_CHECKING:
    from ingest.isolation import ParsedFile


def check_template(name: str, data: bytes) -> list[Issue]:
    """The problems of a template upload (empty when the pack can be built on it); nothing is stored either way."""
    from ingest.isolation import parser_process
    from ingest.safety import check_workbook_parts, sniff_container

    try:
        if not data.startswith(b"PK\x03\x04"):  # before the export sniffing, whose messages speak of exports
            return [error("template.not_pptx", file=name)]
        container = sniff_container(name, data)
        parsed = parser_process().parse(name, data, str(container), dt.date.today(), while_parsing=lambda: check_workbook_parts(name, data), kind="template")
    except IngestError as exc:
        return exc.issues
    return [issue for issue in parsed.issues if parsed.status == "error"]


def inspect_template_in_worker(name: str, data: bytes) -> ParsedFile:
    """The child's side (``ingest.worker``): open the deck as the pack writer does and find its layouts."""
    from ingest.isolation import ParsedFile
    from reports.pptx_writer import TemplateError, open_template

    try:
        deck = open_template(data)
        # python-pptx parses parts when first touched: touch every master and layout the writer may use.
        for master in deck.slide_masters:
            for layout in [master, *master.slide_layouts]:
                [shape.shape_type for shape in layout.placeholders]
    except TemplateError as exc:
        return ParsedFile("error", {}, [error("template.unusable", {"problem": str(exc)}, file=name)], report="template")
    except Exception as exc:  # python-pptx and lxml raise many kinds for damaged parts; all mean "not usable"
        return ParsedFile("error", {}, [error("template.unusable", {"problem": type(exc).__name__}, file=name)], report="template")
    return ParsedFile("ok", {}, [], report="template")
