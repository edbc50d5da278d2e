"""Reading files, folders and stdin into Documents; every bad input is a ReadError, never an exception."""

import codecs
import io
import json
import os
from pathlib import Path

import pytest

from provenance.models import Document
from provenance.readers import ReadError, decode, input_size, parse_text, read_paths, read_stream

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "polnear-train.jsonl"


def read_all(*paths, **kw):
    return list(read_paths([str(p) for p in paths], **kw))


def docs_of(items):
    return [x for x in items if isinstance(x, Document)]


def errors_of(items):
    return [x for x in items if isinstance(x, ReadError)]


# ---------------------------------------------------------------- plain text and markdown


def test_title_is_first_nonempty_line_and_source_line_names_outlet(tmp_path):
    text = "\n\nHeadline here\n\nBody says things.\n\nSource » alarabiya\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    [doc] = read_all(tmp_path / "a.txt")
    assert doc.title == "Headline here"
    assert doc.outlet == "alarabiya"
    assert doc.text == text  # kept whole in the stored article
    start, end = doc.body
    assert doc.text[end:].startswith("Source » alarabiya")
    assert "alarabiya" not in doc.text[start:end]  # ... but not analysed
    assert doc.path == str(tmp_path / "a.txt")


@pytest.mark.parametrize("line,outlet", [("Source: Reuters", "Reuters"), ("SOURCE - The Guardian", "The Guardian")])
def test_source_line_variants(line, outlet):
    doc = parse_text(f"Title\n\nBody.\n{line}\n")
    assert doc.outlet == outlet
    assert doc.text[doc.body_end:].strip() == line


def test_no_outlet_without_closing_source_line_or_in_a_one_line_file():
    assert parse_text("Title\n\nThe source: it was said.\nMore text follows here.").outlet is None
    one = parse_text("Source: Reuters")
    assert one.outlet is None and one.title == "Source: Reuters" and one.body_end is None
    long = parse_text("T\n\nSource: officials who spoke on condition of anonymity said that it was all planned")
    assert long.outlet is None


def test_markdown_title_strips_heading_marks_but_not_text(tmp_path):
    text = "# The headline\n\nFirst paragraph.\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    [doc] = read_all(tmp_path / "a.md")
    assert doc.title == "The headline"
    assert doc.text == text and doc.body == (0, len(text))


def test_crlf_line_endings_become_newlines(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"Title\r\n\r\nBody.\r\nSource: AP\r\n")
    [doc] = read_all(tmp_path / "a.txt")
    assert "\r" not in doc.text and doc.outlet == "AP"


# ---------------------------------------------------------------- encodings and bad files


@pytest.mark.parametrize("data,expected", [
    (codecs.BOM_UTF8 + "Café “quoted”".encode(), "Café “quoted”"),
    ("Café “quoted”".encode("utf-16"), "Café “quoted”"),
    (codecs.BOM_UTF16_BE + "Café".encode("utf-16-be"), "Café"),
    ("Café – it’s".encode("cp1252"), "Café – it’s"),
    (b"Caf\xe9 \x81", "Café \x81"),  # not cp1252 (0x81 is undefined there): latin-1
])
def test_decode_encodings(data, expected):
    assert decode(data) == expected


def test_utf8_bom_is_stripped_from_text_file(tmp_path):
    (tmp_path / "a.txt").write_bytes(codecs.BOM_UTF8 + b"Title\n\nBody.")
    [doc] = read_all(tmp_path / "a.txt")
    assert doc.text.startswith("Title") and doc.title == "Title"


@pytest.mark.parametrize("name,data,message", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\t\n", "only whitespace"),
    ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    ("archive.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "binary"),
])
def test_bad_files_are_errors_naming_the_file(tmp_path, name, data, message):
    (tmp_path / name).write_bytes(data)
    [err] = read_all(tmp_path / name)
    assert isinstance(err, ReadError)
    assert err.path.endswith(name) and message in err.message
    assert name in str(err)


def test_missing_path_is_an_error_and_the_rest_is_read(tmp_path):
    (tmp_path / "ok.txt").write_text("Title\n\nBody.")
    items = read_all(tmp_path / "missing.txt", tmp_path / "ok.txt")
    assert isinstance(items[0], ReadError) and "no such file" in items[0].message
    assert isinstance(items[1], Document)


# ---------------------------------------------------------------- JSONL and JSON


def test_jsonl_good_lines_read_bad_line_reported_with_number(tmp_path):
    lines = [
        json.dumps({"id": "a1", "title": "A", "text": "Alpha text.", "outlet": "AP", "url": "http://x/a",
                    "published": "2020-01-01"}),
        "{not json",
        json.dumps({"id": "a3", "title": "C"}),  # no text
        "",
        json.dumps({"text": "Delta text.\nSecond line."}),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_all(path)
    docs, errs = docs_of(items), errors_of(items)
    assert [d.external_id for d in docs] == ["a1", None]
    assert docs[0].path == f"{path}#a1" and docs[0].outlet == "AP" and docs[0].url == "http://x/a"
    assert docs[0].published == "2020-01-01"
    assert docs[1].path == f"{path}#L5" and docs[1].title == "Delta text."
    assert [(e.line, e.message.split(":")[0]) for e in errs] == [(2, "malformed JSON"), (3, "record has no 'text'")]
    assert all(e.path == str(path) for e in errs)


def test_polnear_shaped_record_keeps_text_exact_and_id(tmp_path):
    rec = {"id": "wash-post_2015-12-22_x", "outlet": "Washington Post", "title": "T",
           "text": "Trump said  \r\n it was \u201cgreat\u201d.", "attributions": [{"source": None}],
           "meta": {"publication_date": "2015-12-22", "discard_spans": []}}
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps(rec) + "\n")
    [doc] = read_all(path)
    assert doc.text == rec["text"]  # offsets of annotations index into it: never altered
    assert doc.external_id == rec["id"] and doc.published == "2015-12-22"
    assert doc.path.endswith("p.jsonl#wash-post_2015-12-22_x")


@pytest.mark.skipif(not POLNEAR.exists(), reason="PolNeAR file not present")
def test_real_polnear_file_reads_without_errors():
    items = []
    for item in read_paths([str(POLNEAR)]):
        items.append(item)
        if len(items) == 50:
            break
    assert len(docs_of(items)) == 50 and not errors_of(items)


def test_jsonl_with_bom_and_utf16(tmp_path):
    line = json.dumps({"id": 1, "text": "Café said so."}, ensure_ascii=False) + "\n"
    (tmp_path / "bom.jsonl").write_bytes(codecs.BOM_UTF8 + (line * 2).encode("utf-8"))
    (tmp_path / "u16.jsonl").write_bytes((line * 2).encode("utf-16"))
    for name in ("bom.jsonl", "u16.jsonl"):
        items = read_all(tmp_path / name)
        assert [d.text for d in items] == ["Café said so.", "Café said so."], name


def test_jsonl_is_streamed_not_loaded_whole():
    class Lines:
        """A stream that fails if read more than a few lines ahead."""

        def __init__(self):
            self.read = 0

        def readline(self):
            return next(iter(self))

        def __iter__(self):
            while True:
                self.read += 1
                if self.read > 3:
                    raise AssertionError("reader ran ahead of its consumer")
                yield (json.dumps({"text": f"Article {self.read}."}) + "\n").encode()

    stream = Lines()
    items = read_stream(stream)
    first = next(items)
    assert first.text == "Article 1." and stream.read <= 3


def test_json_object_and_list(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"text": "One.", "title": "T1"}))
    (tmp_path / "many.json").write_text(json.dumps([{"text": "A."}, {"nope": 1}, {"text": "B.", "id": 7}]))
    items = read_all(tmp_path / "many.json", tmp_path / "one.json")
    assert [getattr(x, "text", None) for x in items] == ["A.", None, "B.", "One."]
    assert items[1].line == 2 and items[2].external_id == "7"


# ---------------------------------------------------------------- HTML


def test_html_main_text_and_metadata(tmp_path):
    html = """<html><head><title>Big news | Example Times</title>
    <meta property="og:site_name" content="Example Times"><meta name="date" content="2020-01-02"></head>
    <body><nav>Home About Contact</nav><article><h1>Big news today</h1>
    <p>The minister said on Monday that the plan would go ahead, according to Reuters, in a long sentence.</p>
    <p>Critics said the plan was flawed and would cost far too much money for the taxpayers.</p>
    </article><footer>Copyright 2020</footer></body></html>"""
    (tmp_path / "page.html").write_text(html)
    [doc] = read_all(tmp_path / "page.html")
    assert isinstance(doc, Document)
    assert "The minister said on Monday" in doc.text and "Copyright" not in doc.text
    assert "\n\n" in doc.text  # paragraphs separated like plain text
    assert doc.title == "Big news today" and doc.outlet == "Example Times" and doc.published == "2020-01-02"


def test_html_without_article_text_is_an_error(tmp_path):
    (tmp_path / "empty.html").write_text("<html><head><title>x</title></head><body></body></html>")
    [err] = read_all(tmp_path / "empty.html")
    assert isinstance(err, ReadError) and "no article text" in err.message


# ---------------------------------------------------------------- folders and stdin


def test_folder_recursive_sorted_hidden_skipped(tmp_path):
    for rel in ["b.txt", "a.txt", "sub/c.md", ".hidden.txt", ".git/x.txt", "sub/z/d.txt"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(f"Title {rel}\n\nBody.")
    names = [Path(d.path).relative_to(tmp_path).as_posix() for d in read_all(tmp_path)]
    assert names == ["a.txt", "b.txt", "sub/c.md", "sub/z/d.txt"]
    assert input_size([tmp_path]) == sum((tmp_path / n).stat().st_size for n in names)


def test_symlink_loop_is_reported_once_and_does_not_hang(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Title\n\nBody.")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    os.symlink(tmp_path / "self", tmp_path / "self")  # a link to itself
    items = read_all(tmp_path)
    assert len(docs_of(items)) == 1
    errs = {Path(e.path).name: e.message for e in errors_of(items)}
    assert set(errs) == {"loop", "self"}
    assert "symbolic link loop" in errs["loop"]
    assert "too many levels of symbolic links" in errs["self"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders regardless of permissions")
def test_folder_without_permission_is_an_error(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("T\n\nB.")
    locked.chmod(0)
    try:
        [err] = read_all(locked)
        assert isinstance(err, ReadError) and "permission" in err.message.lower()
    finally:
        locked.chmod(0o755)


def test_stdin_plain_text_and_jsonl():
    [doc] = list(read_paths(["-"], stdin=io.BytesIO(b"Title\n\nBody said.\nSource: AP\n")))
    assert doc.title == "Title" and doc.outlet == "AP" and doc.path is None
    data = "\n".join(json.dumps({"id": i, "text": f"T{i}."}) for i in range(3)).encode()
    docs = list(read_paths(["-"], stdin=io.BytesIO(b"\n" + data)))
    assert [d.text for d in docs] == ["T0.", "T1.", "T2."]
    assert docs[0].path == "<stdin>#0"


def test_overrides_apply_to_every_document(tmp_path):
    (tmp_path / "a.txt").write_text("T\n\nBody.\nSource: AP")
    [doc] = read_all(tmp_path / "a.txt", outlet="Le Monde", url="https://x", published="2024-05-01")
    assert (doc.outlet, doc.url, doc.published) == ("Le Monde", "https://x", "2024-05-01")
