"""The pictures a workbook carries (the pemda's logo): what kind they are and how large, read
from their headers, so that no imaging library is needed."""

from __future__ import annotations

import struct


def image_kind(data: bytes) -> str | None:
    """`png` or `jpeg` (the two every writer here can place), else None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8"):
        return "jpeg"
    return None


def image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height in pixels, or None when the header cannot be read."""
    kind = image_kind(data)
    if kind == "png" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return (width, height) if width and height else None
    if kind == "jpeg":
        index = 2
        while index + 9 < len(data):
            if data[index] != 0xFF:
                return None
            marker = data[index + 1]
            length = struct.unpack(">H", data[index + 2 : index + 4])[0]
            if marker in (0xC0, 0xC1, 0xC2):
                height, width = struct.unpack(">HH", data[index + 5 : index + 9])
                return (width, height) if width and height else None
            index += 2 + length
    return None


def scale_to(data: bytes, height_px: int) -> float:
    """The scale that gives the picture `height_px` pixels of height (1 when unknown)."""
    size = image_size(data)
    return height_px / size[1] if size else 1.0
