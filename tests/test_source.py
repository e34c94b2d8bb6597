import pytest

from linter.source import InputError, Source, decode, read_source


def test_positions_round_trip_with_crlf_and_non_ascii():
    src = Source("a.md", "héllo\r\nwörld\n\nend")
    assert src.position(0) == (1, 1)
    assert src.position(7) == (2, 1)
    assert src.position(9) == (2, 3)
    assert src.offset(2, 3) == 9
    assert src.line_text(1) == "héllo"
    assert src.line_count == 4


def test_bom_is_accepted_and_remembered(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(b"\xef\xbb\xbfText [1]\n")
    src = read_source(path)
    assert src.text == "Text [1]\n" and src.had_bom


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"\xff\xfeh\x00i\x00", "UTF-16"),
        (b"abc\x00def", "binary file"),
        (b"ok \xe9 bad", "byte offset 3"),
    ],
)
def test_undecodable_input_is_one_clear_error(data, expected):
    with pytest.raises(InputError) as err:
        decode(data, "x.md")
    assert expected in str(err.value) and str(err.value).startswith("x.md:")


def test_empty_and_missing_files(tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_text("  \n")
    assert read_source(empty).text == "  \n"  # empty files are read; linting them finds nothing
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "missing.md")


def test_size_limit(tmp_path):
    big = tmp_path / "big.md"
    big.write_text("a" * 2048)
    with pytest.raises(InputError, match="over the 0 MB limit"):
        read_source(big, max_bytes=1024)
