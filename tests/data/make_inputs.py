"""Writes the input files of tests/test_inputs.py into tests/data/inputs/ (committed; run again
only to change them): a seed compressed four ways, legacy and UTF-16 encodings, and a real
PDF and PNG. Python stdlib plus the Debian `zstd` tool; gzip without a name or time stamp, so
the bytes do not change between runs."""
from __future__ import annotations

import bz2
import gzip
import lzma
import struct
import subprocess
import zlib
from pathlib import Path

HERE = Path(__file__).parent
OUT = HERE / "inputs"
SEED = HERE.parent.parent / "seeds" / "000_80e81b5a0bd1fe9d.txt"

LATIN1 = ("Zürich, 3 March 2009\n\n"
          "Renée Lefèvre, the owner of the Café Odéon, said the city had raised its rent by 12 percent. "
          "\"We will stay open until the summer,\" Lefèvre said on Tuesday.\n")

CP1252 = ("“We will not accept any truce,” Shehabi said in Aleppo’s old city – the café on the square "
          "was shut. About 1,200 families fled, according to the Syrian Observatory for Human Rights.\n")

UTF16 = ("“The ceasefire will hold,” Sergei Lavrov said in Genève on Friday. Russia’s forces control "
         "93 percent of the city, the ministry said.\n")


def _pdf(text: str) -> bytes:
    """A one-page PDF 1.4 with `text` in Helvetica, with a correct cross-reference table."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _png(width: int = 8, height: int = 8) -> bytes:
    """An RGB PNG: a red-to-blue gradient."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"".join(bytes((255 - 32 * x, 0, 32 * x)) for x in range(width)) for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def main() -> None:
    OUT.mkdir(exist_ok=True)
    seed = SEED.read_bytes()
    (OUT / "seed000.txt.gz").write_bytes(gzip.compress(seed, mtime=0))
    (OUT / "seed000.txt.bz2").write_bytes(bz2.compress(seed))
    (OUT / "seed000.txt.xz").write_bytes(lzma.compress(seed, format=lzma.FORMAT_XZ))
    (OUT / "seed000.txt.zst").write_bytes(subprocess.run(["zstd", "-19", "-q", "-c"], input=seed,
                                                         capture_output=True, check=True).stdout)
    (OUT / "latin1.txt").write_bytes(LATIN1.encode("latin-1"))
    (OUT / "cp1252.txt").write_bytes(CP1252.encode("cp1252"))
    (OUT / "utf16.txt").write_bytes(UTF16.encode("utf-16"))  # BOM, then the machine's order (LE)
    (OUT / "report.pdf").write_bytes(_pdf("Lavrov said the talks would continue."))
    (OUT / "photo.png").write_bytes(_png())


if __name__ == "__main__":
    main()
