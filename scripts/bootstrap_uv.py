#!/usr/bin/env python3
"""Install a pinned uv into .tools/bin without needing pip, curl or root.

A fresh Debian machine has python3 but neither pip nor venv, so the Makefile
cannot rely on `pip install uv`. uv ships as a wheel on PyPI that contains one
static binary; we download the wheel for this platform, check it against the
hash pinned below and unpack the binary. Only the standard library is used.
"""

import hashlib
import io
import json
import os
import platform
import stat
import sys
import urllib.request
import zipfile
from pathlib import Path

VERSION = "0.13.9"
# sha256 of each wheel, from PyPI's simple index for uv 0.13.9.
WHEELS = {
    ("Linux", "x86_64"): (
        "uv-0.13.9-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
        "d7f459fe4fd247d830351c75686d3996ace3c6f3f728eb0e85a30b7ada0cef19",
    ),
    ("Linux", "aarch64"): (
        "uv-0.13.9-py3-none-manylinux_2_17_aarch64.manylinux2014_aarch64.musllinux_1_1_aarch64.whl",
        "5435c5ce14a56431208ca0996416d310f1598e8c2c8ba707688985a16bb82dbe",
    ),
    ("Darwin", "x86_64"): (
        "uv-0.13.9-py3-none-macosx_10_12_x86_64.whl",
        "c16ed11e013557536b3e60065f1b912f6407bd6518e041b961e23ef9e6b4fbf5",
    ),
    ("Darwin", "arm64"): (
        "uv-0.13.9-py3-none-macosx_11_0_arm64.whl",
        "66c512266d633bef48384a1f53003f41f2a8e7b36fe6e7fbfd3e0fd52d96fa63",
    ),
}
INDEX = os.environ.get("UV_BOOTSTRAP_INDEX", "https://pypi.org/simple/uv/")


def main() -> int:
    target = Path(sys.argv[1] if len(sys.argv) > 1 else ".tools/bin/uv")
    key = (platform.system(), platform.machine())
    if key not in WHEELS:
        print(f"No pinned uv wheel for {key}; install uv {VERSION} yourself.", file=sys.stderr)
        return 1
    filename, sha256 = WHEELS[key]

    request = urllib.request.Request(  # noqa: S310 (https index, overridable for mirrors)
        INDEX, headers={"Accept": "application/vnd.pypi.simple.v1+json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (fixed https URL)
        index = json.load(response)
    url = next(f["url"] for f in index["files"] if f["filename"] == filename)

    print(f"Downloading {filename}")
    with urllib.request.urlopen(url, timeout=300) as response:  # noqa: S310
        data = response.read()
    digest = hashlib.sha256(data).hexdigest()
    if digest != sha256:
        print(f"Hash mismatch for {filename}: {digest}", file=sys.stderr)
        return 1

    with zipfile.ZipFile(io.BytesIO(data)) as wheel:
        binary = wheel.read(f"uv-{VERSION}.data/scripts/uv")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    partial.write_bytes(binary)
    partial.chmod(partial.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    partial.replace(target)
    print(f"Installed uv {VERSION} at {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
