"""The recognizer with an output layer for the characters a Canadian label prints, derived once from the shipped one.

rapidocr's PP-OCRv6 recognizer scores 18,710 classes (mostly Chinese) at each of a line's time steps; a label in
English and French uses about 330 of them (Latin letters with their accents, digits, punctuation, a few symbols).
Keeping only those columns of its last layer (a 120 x 18,710 matrix, its bias and the softmax after it) and of the
character list is 10 % less recognition CPU, with the same text on the 109 lines of the photo samples (scores
move by at most 0.007: the softmax shares its mass among fewer classes). docs/performance.md has the figures.

`make bytecode` builds it (`python -m labeliq.extraction.ocr_rec_model`, needs the `onnx` package, a dev
dependency) beside the bytecode, with a stamp naming the shipped model it came from. `recognizer_model()` gives the
derived file only when its stamp matches the installed model and the file has the size it was written with;
anywhere else (a function's zip, a fresh checkout, another rapidocr) the shipped model is used, as is: slower, not
different in what it may read.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from labeliq.extraction.ocr_rapid_pipeline import REC_MODEL, shipped_model

FORMAT = 1  # bump when the alphabet or the derivation changes: older files are then ignored
CACHE_DIR = Path(__file__).resolve().parents[1] / "__pycache__"
DERIVED = CACHE_DIR / "ocr_rec_label_chars.onnx"
STAMP = CACHE_DIR / "ocr_rec_label_chars.stamp"  # JSON; not *.json, which the function zips take
_SYMBOLS = "€™®©°µ½¼¾·•…"


def label_character(character: str) -> bool:
    """Printable ASCII, Latin-1 and Latin Extended-A (French: é, ç, œ...), general punctuation (’ “ – —), symbols."""
    if len(character) != 1:
        return False
    code = ord(character)
    return 0x20 <= code < 0x7F or 0xA0 <= code <= 0x17F or 0x2010 <= code <= 0x2044 or character in _SYMBOLS


def _source_stamp(source: Path) -> dict[str, Any]:
    stat = source.stat()
    return {"format": FORMAT, "source": str(source), "source_size": stat.st_size, "source_mtime_ns": stat.st_mtime_ns}


def recognizer_model(derived: Path = DERIVED, stamp: Path = STAMP) -> Path:
    """The derived model when it is there, whole, and made from the installed one; else the shipped model."""
    source = shipped_model(REC_MODEL)
    try:
        written = json.loads(stamp.read_text())
        size = derived.stat().st_size
    except (OSError, ValueError):
        return source
    if not isinstance(written, dict) or written.get("size") != size:
        return source
    if {key: written.get(key) for key in ("format", "source", "source_size", "source_mtime_ns")} != _source_stamp(
        source
    ):
        return source
    return derived


def build(derived: Path = DERIVED, stamp: Path = STAMP) -> int:
    """Write the derived model and its stamp (the file first, then the stamp, each by rename); returns its class
    count."""
    import onnx  # a build-time dependency only (requirements-dev.txt)
    from onnx import numpy_helper

    source = shipped_model(REC_MODEL)
    model = onnx.load(str(source))
    graph = model.graph
    metadata = {prop.key: prop for prop in model.metadata_props}
    characters = ["blank", *metadata["character"].value.splitlines(), " "]  # as the decoder indexes the classes
    kept = [0, *(i for i, c in enumerate(characters[1:-1], start=1) if label_character(c)), len(characters) - 1]

    # The output is Softmax(MatMul(x, W) + b): find W and b through the graph rather than by their names.
    producer = {output: node for node in graph.node for output in node.output}
    node, bias_name = producer[graph.output[0].name], None
    while node.op_type != "MatMul":
        node = producer[node.input[0]]
        if node.op_type == "Add":
            bias_name = node.input[1]
    if bias_name is None:
        raise ValueError(f"{source.name}: no bias added after the output layer's MatMul; not the expected model")
    initializers = {init.name: init for init in graph.initializer}
    weight, bias = initializers[node.input[1]], initializers[bias_name]
    weight.CopyFrom(numpy_helper.from_array(numpy_helper.to_array(weight)[:, kept], weight.name))
    bias.CopyFrom(numpy_helper.from_array(numpy_helper.to_array(bias)[kept], bias.name))
    metadata["character"].value = "\n".join(characters[i] for i in kept[1:-1])
    for value in [*graph.value_info, *graph.output]:  # the shapes recorded for the tensors after that layer
        dims = value.type.tensor_type.shape.dim
        if dims and dims[-1].dim_value == len(characters):
            dims[-1].dim_value = len(kept)
    onnx.checker.check_model(model)

    derived.parent.mkdir(parents=True, exist_ok=True)
    partial = derived.with_name(derived.name + ".partial")
    onnx.save(model, str(partial))
    os.replace(partial, derived)
    stamp_partial = stamp.with_name(stamp.name + ".partial")
    stamp_partial.write_text(
        json.dumps({**_source_stamp(source), "size": derived.stat().st_size, "classes": len(kept)})
    )
    os.replace(stamp_partial, stamp)
    return len(kept)


if __name__ == "__main__":
    classes = build(*(Path(arg) for arg in sys.argv[1:3]))
    print(f"{DERIVED if len(sys.argv) < 2 else sys.argv[1]}: {classes} classes")
