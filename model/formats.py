"""Post formats across platforms and languages: one word for what Meta writes "Photos", "IG image" or "Imagem do
Instagram", so the Content page compares formats, not spellings.

``post_format`` reads an export's post type (stored as the file wrote it) as a format key; a type it does not know
stays as written. The labels are texts of ``model.i18n`` ("format.image": Bild / Image).
"""

from __future__ import annotations

import re

# Each format's names, without the platform's name and small words (see _words): English and the languages the
# real exports come in (de, es, fr, it, pt, nl).
_NAMES = {
    "image": (
        *("photo", "photos", "image", "images", "imagem", "imagens", "immagine", "immagini", "imagen", "imágenes"),
        *("bild", "bilder", "foto", "fotos", "afbeelding"),
    ),
    "video": ("video", "videos", "vídeo", "vídeos", "vidéo", "vidéos"),
    "reel": ("reel", "reels"),
    "carousel": ("carousel", "carousels", "carousel album", "carrossel", "carosello", "carrusel", "carrousel", "karussell", "album"),
    "link": ("link", "links", "enlace", "lien", "collegamento"),
    "text": ("status", "text", "texto", "testo", "texte", "tekst"),
    "document": ("document", "documents", "documento", "dokument", "documento pdf"),
    "article": ("article", "articles", "artikel", "articolo", "artículo", "artigo"),
    "poll": ("poll", "umfrage", "sondaggio", "encuesta", "enquete", "sondage", "peiling"),
    "story": ("story", "stories"),
    "live": ("live", "live video"),
    "short": ("short", "shorts"),
}
FORMATS = tuple(_NAMES)
_BY_NAME = {name: key for key, names in _NAMES.items() for name in names}
_SMALL_WORDS = frozenset({"ig", "instagram", "facebook", "fb", "linkedin", "tiktok", "youtube", "do", "da", "di", "de", "del", "du", "des", "von", "the", "a"})


def _words(text: str) -> str:
    words = re.split(r"[\s_\-/]+", text.casefold().strip())
    return " ".join(w for w in words if w and w not in _SMALL_WORDS)


def post_format(post_type: str) -> str:
    """The format key of an export's post type ("IG reel", "Reel di Instagram" -> "reel"), else the type as written."""
    return _BY_NAME.get(_words(post_type), post_type)
