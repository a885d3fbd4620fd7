"""kg.ingest: documents read from text, front matter or HTML; bad input is an InputError naming the file."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kg.errors import BskgError, InputError
from kg.ingest import find_documents, read_document

FRONT = ("---\n"
         "title: Patrols expanded on the Kent coast\n"
         "published: 2023-05-04\n"
         "publisher: Home Office\n"
         "url: https://example.org/news/patrols\n"
         "---\n"
         "Border Force patrols will double this summer.\n")


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


@pytest.mark.parametrize("field,value", [
    ("title", "Patrols expanded on the Kent coast"),
    ("published", date(2023, 5, 4)),
    ("publisher", "Home Office"),
    ("url", "https://example.org/news/patrols"),
])
def test_read_document_front_matter_field(tmp_path: Path, field: str, value: object) -> None:
    doc = read_document(_write(tmp_path, "release.txt", FRONT))
    assert getattr(doc, field) == value


@pytest.mark.parametrize("line", ["published: 2023-05-04", "published: '2023-05-04'", "date: 2023-05-04"],
                         ids=["yaml-date", "quoted-string", "date-key"])
def test_read_document_published_is_a_date(tmp_path: Path, line: str) -> None:
    doc = read_document(_write(tmp_path, "release.txt", f"---\n{line}\n---\nBody.\n"))
    assert (type(doc.published), doc.published) == (date, date(2023, 5, 4))


def test_read_document_unknown_front_matter_keys_ignored(tmp_path: Path) -> None:
    text = "---\ntitle: Talks in Rome\nauthor: Press Office\ntags: [migration, italy]\n---\nBody.\n"
    doc = read_document(_write(tmp_path, "release.txt", text))
    assert (doc.title, doc.published, doc.publisher, doc.url) == ("Talks in Rome", None, None, None)
    assert not hasattr(doc, "author")


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_read_document_body_start_skips_front_matter(tmp_path: Path, newline: str) -> None:
    text = FRONT.replace("\n", newline)
    doc = read_document(_write(tmp_path, "release.txt", text))
    assert doc.text[doc.body_start:] == f"Border Force patrols will double this summer.{newline}"


def test_read_document_byte_order_mark_does_not_hide_front_matter(tmp_path: Path) -> None:
    doc = read_document(_write(tmp_path, "release.txt", b"\xef\xbb\xbf" + FRONT.encode()))
    assert (doc.title, doc.published) == ("Patrols expanded on the Kent coast", date(2023, 5, 4))


def test_read_document_title_with_an_unquoted_colon_is_read_as_written(tmp_path: Path) -> None:
    """YAML refuses 'key: a: b', but a hand-written front matter means the whole line."""
    text = ("---\ntitle: Summit at Sandhurst: a new border treaty\npublished: 2018-01-18\n---\n"
            "The leaders met.\n")
    doc = read_document(_write(tmp_path, "release.txt", text))
    assert (doc.title, doc.published) == ("Summit at Sandhurst: a new border treaty", date(2018, 1, 18))
    assert doc.text[doc.body_start:] == "The leaders met.\n"


def test_read_document_without_front_matter_title_is_first_non_empty_line(tmp_path: Path) -> None:
    doc = read_document(_write(tmp_path, "release.txt", "\n\n  New returns deal with Albania  \nThe deal was signed.\n"))
    assert doc.title == "New returns deal with Albania"


def test_read_document_without_front_matter_has_no_metadata(tmp_path: Path) -> None:
    doc = read_document(_write(tmp_path, "release.txt", "New returns deal with Albania\nThe deal was signed.\n"))
    assert (doc.published, doc.publisher, doc.url, doc.body_start) == (None, None, None, 0)


def test_read_document_front_matter_without_title_uses_first_body_line(tmp_path: Path) -> None:
    text = "---\npublished: 2023-05-04\n---\n\nNew returns deal with Albania\nThe deal was signed.\n"
    assert read_document(_write(tmp_path, "release.txt", text)).title == "New returns deal with Albania"


HTML = ("<html><head><title>Site title</title><style>p { color: red; }</style></head><body>"
        "<nav>Home | News</nav><script>var tracker = 1;</script>"
        "<main><h1>Joint patrols agreed</h1><p>Officers from both countries &amp; agencies will patrol.</p></main>"
        "<aside>Outside main</aside><footer>Crown copyright</footer></body></html>")


@pytest.mark.parametrize("dropped", ["var tracker", "color: red", "Site title"])
def test_read_document_html_drops_script_style_and_head(tmp_path: Path, dropped: str) -> None:
    assert dropped not in read_document(_write(tmp_path, "page.html", HTML)).text


def test_read_document_html_prefers_main(tmp_path: Path) -> None:
    doc = read_document(_write(tmp_path, "page.html", HTML))
    assert doc.text == "Joint patrols agreed\n\nOfficers from both countries & agencies will patrol.\n"


def test_read_document_html_title_is_first_line_of_main(tmp_path: Path) -> None:
    assert read_document(_write(tmp_path, "page.html", HTML)).title == "Joint patrols agreed"


def test_read_document_html_without_main_keeps_body_text(tmp_path: Path) -> None:
    page = "<html><body><p>No main element here.</p><script>alert(1)</script><p>Second paragraph.</p></body></html>"
    doc = read_document(_write(tmp_path, "page.htm", page))
    assert doc.text == "No main element here.\n\nSecond paragraph.\n"


BAD_INPUT = [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n\t\n", "empty"),
    ("binary.txt", b"GIF89a\x00\x01\x02", "binary"),
    ("latin1.txt", b"Caf\xe9 owners fined", "UTF-8"),
    ("bad_yaml.txt", b"---\ntitle: [unclosed\n---\nBody.\n", "YAML"),
    ("list.txt", b"---\n- title\n- published\n---\nBody.\n", "key: value"),
    ("not_date.txt", b"---\npublished: not-a-date\n---\nBody.\n", "not-a-date"),
]


@pytest.mark.parametrize("name,content,problem", BAD_INPUT, ids=[case[0] for case in BAD_INPUT])
def test_read_document_bad_input_raises_input_error(tmp_path: Path, name: str, content: bytes, problem: str) -> None:
    with pytest.raises(InputError) as caught:
        read_document(_write(tmp_path, name, content))
    assert name in str(caught.value) and problem in str(caught.value)


def test_read_document_missing_file_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no_such_release.txt"):
        read_document(tmp_path / "no_such_release.txt")


def test_read_document_input_error_is_a_bskg_error(tmp_path: Path) -> None:
    with pytest.raises(BskgError):
        read_document(_write(tmp_path, "empty.txt", b""))


def test_read_document_impossible_date_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="impossible_date.txt"):
        read_document(_write(tmp_path, "impossible_date.txt", "---\npublished: 2023-02-30\n---\nBody.\n"))


def test_read_document_published_timestamp_becomes_a_date(tmp_path: Path) -> None:
    doc = read_document(_write(tmp_path, "release.txt", "---\npublished: 2023-05-04T10:00:00\n---\nBody.\n"))
    assert (type(doc.published), doc.published) == (date, date(2023, 5, 4))


def test_read_document_empty_front_matter_is_skipped(tmp_path: Path) -> None:
    doc = read_document(_write(tmp_path, "release.txt", "---\n---\nPatrols expanded\n"))
    assert (doc.title, doc.text[doc.body_start:]) == ("Patrols expanded", "Patrols expanded\n")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in ("b.txt", "a.md", "c.html", "d.htm", "notes.pdf", "data.json", "sub/e.txt"):
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_text("Text.\n")
    return tmp_path


def test_find_documents_folder_keeps_document_suffixes_sorted(folder: Path) -> None:
    found = find_documents([folder])
    assert [p.relative_to(folder).as_posix() for p in found] == ["a.md", "b.txt", "c.html", "d.htm", "sub/e.txt"]


def test_find_documents_skips_hidden_names_and_linked_folders(folder: Path,
                                                              tmp_path_factory: pytest.TempPathFactory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "linked.txt").write_text("Text.\n")
    for name in (".hidden.txt", ".drafts/f.txt", "sub/.g.txt"):
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_text("Text.\n")
    (folder / "linked-folder").symlink_to(elsewhere, target_is_directory=True)
    (folder / "linked.md").symlink_to(elsewhere / "linked.txt")
    (folder / "broken.txt").symlink_to(elsewhere / "missing.txt")
    found = find_documents([folder])
    assert sorted(p.relative_to(folder).as_posix() for p in found) == ["a.md", "b.txt", "c.html", "d.htm",
                                                                       "linked.md", "sub/e.txt"]


def test_find_documents_file_inside_given_folder_listed_once(folder: Path) -> None:
    found = find_documents([folder, folder / "b.txt"])
    assert [p.name for p in found].count("b.txt") == 1


def test_find_documents_explicit_file_kept(folder: Path) -> None:
    assert find_documents([folder / "b.txt"]) == [folder / "b.txt"]


def test_find_documents_missing_path_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no_such_folder"):
        find_documents([tmp_path / "no_such_folder"])


def test_read_document_html_meta_gives_publication_date(tmp_path) -> None:
    page = tmp_path / "page.html"
    page.write_text('<html><head><meta name="govuk:first-published-at" content="2024-03-05T10:00:00+00:00">'
                    '<title>T</title></head><body><main><p>Officers made arrests today.</p></main></body></html>',
                    encoding="utf-8")
    assert read_document(page).published == date(2024, 3, 5)
