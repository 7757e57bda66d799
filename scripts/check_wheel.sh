#!/usr/bin/env bash
# Builds the portable wheel the README's "Without Rust" section documents and checks it:
#   - tagged abi3 (one wheel for CPython >= 3.9) and manylinux2014 / manylinux_2_17 (glibc 2.17+);
#   - its compiled library is stripped (no .symtab section) and needs no glibc symbol newer than 2.17;
#   - it installs in a fresh venv whose PATH has no cargo, and there `newsclaims seeds/` prints
#     what a source build prints (the newsclaims of .venv/, or NEWSCLAIMS_SOURCE=path/to/newsclaims).
# Usage: bash scripts/check_wheel.sh [OUT_DIR]   (the wheel is left in OUT_DIR, default dist/)
# Needs network access to PyPI (maturin, ziglang and the wheel's dependencies) and a Rust toolchain.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-dist}
python=$(python3 -c 'import sys; print(sys.executable)')   # the real interpreter, not a pyenv shim
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
step() { echo "check_wheel: $*"; }

# 1. Build, with maturin and zig (which links against glibc 2.17 symbols) from PyPI in a venv of their own.
"$python" -m venv "$work/build"
"$work/build/bin/pip" install -q 'maturin>=1.7,<2' ziglang
rm -f "$out"/newsclaims-*.whl
start=$SECONDS
PATH="$work/build/bin:$PATH" "$work/build/bin/maturin" build --release --strip --zig --compatibility manylinux2014 --out "$out" 2>&1 \
    | grep -vE "^ *(Compiling|Downloaded|Downloading) " || true
wheel=$(ls "$out"/newsclaims-*.whl)
step "built $wheel ($(du -k "$wheel" | cut -f1) kB) in $((SECONDS - start)) s"

# 2. Tag and stripped library, read from the wheel itself.
"$python" - "$wheel" <<'PY'
import struct, sys, zipfile
wheel = sys.argv[1]
z = zipfile.ZipFile(wheel)
meta = next(n for n in z.namelist() if n.endswith(".dist-info/WHEEL"))
tags = [l.split(":", 1)[1].strip() for l in z.read(meta).decode().splitlines() if l.startswith("Tag:")]
print(f"check_wheel: tags {', '.join(tags)}")
assert tags and all(t.startswith("cp39-abi3-") for t in tags), f"not abi3 for cp39+: {tags}"
assert any("manylinux_2_17" in t or "manylinux2014" in t for t in tags), f"not manylinux2014: {tags}"
so = [n for n in z.namelist() if n.endswith(".so")]
assert len(so) == 1, so
elf = z.read(so[0])
assert elf[:4] == b"\x7fELF" and elf[4] == 2 and elf[5] == 1, "not a little-endian ELF64 library"
shoff, = struct.unpack_from("<Q", elf, 0x28)
shentsize, shnum, shstrndx = struct.unpack_from("<HHH", elf, 0x3A)
def section(i):
    return struct.unpack_from("<IIQQQQ", elf, shoff + i * shentsize)
strtab_off = section(shstrndx)[4]
names = []
for i in range(shnum):
    off = strtab_off + section(i)[0]
    names.append(elf[off:elf.index(b"\0", off)].decode())
assert ".symtab" not in names and ".debug_info" not in names, f"{so[0]} is not stripped"
print(f"check_wheel: {so[0]}: {len(elf) / 1e6:.1f} MB, stripped (no .symtab, no .debug_info)")
PY

# The glibc symbols the library needs (objdump from binutils, when present): none newer than 2.17.
if command -v objdump >/dev/null; then
    "$python" -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); n = next(n for n in z.namelist() if n.endswith(".so")); open(sys.argv[2], "wb").write(z.read(n))' \
        "$wheel" "$work/core.so"
    newest=$(objdump -T "$work/core.so" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1)
    case "$newest" in
        GLIBC_2.1[0-7]|GLIBC_2.1[0-7].*|GLIBC_2.[0-9]|GLIBC_2.[0-9].*) step "newest glibc symbol: $newest" ;;
        *) echo "check_wheel: the library needs $newest, newer than manylinux2014's glibc 2.17" >&2; exit 1 ;;
    esac
fi

# 3. A fresh venv with no cargo (nor rustc) on PATH: pip must take the wheel, not build from source.
"$python" -m venv "$work/user"
clean_path="$work/user/bin:/usr/local/bin:/usr/bin:/bin"
if PATH=$clean_path command -v cargo >/dev/null || PATH=$clean_path command -v rustc >/dev/null; then
    echo "check_wheel: cargo or rustc is on $clean_path; cannot check an install without Rust" >&2; exit 1
fi
env -u CARGO_HOME -u RUSTUP_HOME PATH="$clean_path" pip install -q --only-binary newsclaims "$wheel"
step "installed in a fresh venv without cargo: $(env PATH="$clean_path" python -c 'import newsclaims; print(newsclaims.__file__)')"

# 4. The README's first command, against a source build.
source_cli=${NEWSCLAIMS_SOURCE:-.venv/bin/newsclaims}
COLUMNS=120 env PATH="$clean_path" newsclaims seeds/ > "$work/wheel.txt"
COLUMNS=120 "$source_cli" seeds/ > "$work/source.txt"
if ! diff -u "$work/source.txt" "$work/wheel.txt"; then
    echo "check_wheel: newsclaims seeds/ prints differently from the wheel and from $source_cli" >&2; exit 1
fi
step "newsclaims seeds/ prints the same from the wheel as from $source_cli ($(tail -1 "$work/wheel.txt"))"
step "ok"
