"""Run by a Python that has LibreOffice's `uno` module (not imported by the package): open a
DOCX in a private, headless LibreOffice, update its indexes (the Daftar Isi gets its page
numbers) and export it as PDF. A plain `--convert-to pdf` keeps the table of contents as
stored, without page numbers.

    python3 lo_indexes.py SOFFICE PROFILE_URL DOCX PDF

Exit 0 with the PDF written, anything else without it (the caller then converts plainly).
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
import uuid
from pathlib import Path

CONNECT_SECONDS = 60


def main(soffice: str, profile: str, docx: str, pdf: str) -> int:
    import uno
    from com.sun.star.beans import PropertyValue

    def prop(name: str, value: object) -> PropertyValue:
        item = PropertyValue()
        item.Name, item.Value = name, value
        return item

    pipe = f"sakip{uuid.uuid4().hex[:12]}"
    office = subprocess.Popen(
        [
            soffice,
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            f"-env:UserInstallation={profile}",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        deadline = time.monotonic() + CONNECT_SECONDS
        while True:
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                if time.monotonic() > deadline or office.poll() is not None:
                    return 3
                time.sleep(0.25)
        desktop = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", context
        )
        document = desktop.loadComponentFromURL(
            Path(docx).resolve().as_uri(), "_blank", 0, (prop("Hidden", True),)
        )
        indexes = document.getDocumentIndexes()
        for _ in range(2):  # page numbers can move once the contents list has its own
            for i in range(indexes.getCount()):
                indexes.getByIndex(i).update()
        document.storeToURL(
            Path(pdf).resolve().as_uri(), (prop("FilterName", "writer_pdf_Export"),)
        )
        document.close(True)
        with contextlib.suppress(Exception):  # the office going away drops the bridge
            desktop.terminate()
        return 0
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
