"""One entry for every format of the review pack, so the CLI and the Review page cannot drift apart."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reports.excel_writer import write_xlsx
from reports.pack import Pack
from reports.pdf_writer import write_pdf
from reports.pptx_writer import write_pptx


@dataclass(frozen=True)
class Format:
    suffix: str
    mime: str
    write: Callable[[Pack, bytes | None], bytes]


FORMATS = {
    "pptx": Format("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", write_pptx),
    "xlsx": Format("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", lambda pack, _template: write_xlsx(pack)),
    "pdf": Format("pdf", "application/pdf", lambda pack, _template: write_pdf(pack)),
}


def render(pack: Pack, kind: str, template: bytes | None = None) -> bytes:
    """The pack as ``kind`` (pptx, xlsx or pdf); the template only shapes the PowerPoint deck."""
    return FORMATS[kind].write(pack, template)


def file_name(pack: Pack, kind: str) -> str:
    period = pack.period.label("en").replace(" ", "-").replace("/", "-")
    return f"resonanz-review-{period}.{FORMATS[kind].suffix}"
