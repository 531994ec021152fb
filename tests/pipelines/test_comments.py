import json
import time

import pytest

from pipelines.comments import Comment, parse_comments, parse_time
from pipelines.errors import InvalidInput, TooLarge
from tests.utils.paths import MEDIA

COMMENTS_JSONL = MEDIA / "stream" / "comments.jsonl"

BILIBILI_XML = """<?xml version="1.0" encoding="UTF-8"?>
<i><chatserver>chat.bilibili.com</chatserver><chatid>1</chatid>
<d p="12.5,1,25,16777215,1700000000,0,a1b2c3,1001">想要</d>
<d p="3.25,1,25,16777215,1700000000,0,d4e5f6,1002">主播晚上好 &amp; 大家好</d>
<d p="abc,1,25,16777215">坏时间</d>
<d p="">没有时间</d>
<d p="20,1,25,16777215,1700000000,0,ff00aa,1003"></d>
<d p="30.0,1,25,16777215,1700000000,0,ff00ab,1004">+1</d>
</i>"""


def test_real_stream_comments_parse_completely() -> None:
    result = parse_comments(COMMENTS_JSONL.read_bytes(), "comments.jsonl")
    lines = [json.loads(x) for x in COMMENTS_JSONL.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert result.format == "jsonl" and result.skipped == 0
    assert len(result.comments) == len(lines)
    assert [c.time for c in result.comments] == sorted(c.time for c in result.comments)
    assert Comment(0.0, "画面好清楚", "u08") in result.comments


def test_bilibili_xml_keeps_good_elements_and_counts_bad_ones() -> None:
    result = parse_comments(BILIBILI_XML.encode(), "danmaku.xml")
    assert result.format == "bilibili_xml"
    assert [(c.time, c.text, c.user) for c in result.comments] == [
        (3.25, "主播晚上好 & 大家好", "d4e5f6"), (12.5, "想要", "a1b2c3"), (30.0, "+1", "ff00ab"),
    ]
    assert result.skipped == 3


def test_xml_entity_declarations_are_refused() -> None:
    bomb = ('<?xml version="1.0"?><!DOCTYPE i [<!ENTITY a "xxxxxxxxxx"><!ENTITY b "&a;&a;&a;&a;">]>'
            '<i><d p="1.0,1">&b;</d><d p="2.0,1">好</d></i>')
    with pytest.raises(InvalidInput) as err:
        parse_comments(bomb.encode(), "x.xml")
    assert err.value.code == "xml_entities_refused"


def test_external_entities_are_refused() -> None:
    xxe = '<?xml version="1.0"?><!DOCTYPE i [<!ENTITY x SYSTEM "file:///etc/passwd">]><i><d p="1">&x;</d></i>'
    with pytest.raises(InvalidInput):
        parse_comments(xxe.encode(), "x.xml")


def test_unclosed_danmaku_tags_parse_in_linear_time() -> None:
    """The old regex backtracked quadratically on 40 000 unclosed <d> (41 s); a streaming parser is linear."""
    started = time.perf_counter()
    result = parse_comments(b"<d>" * 40000, "x.xml")
    assert result.comments == [] and result.skipped == 40000
    assert time.perf_counter() - started < 1.0


def test_malformed_lines_of_a_real_export_cost_only_themselves() -> None:
    good = '<d p="{t},1,25,16777215,1700000000,0,u{t},1">第{t}条</d>'
    lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<i>" + good.format(t=1), good.format(t=2),
             '<d p="3,1,25">控制\x08字符</d>', '<d p="4,1,25">被截断', '<d p="5,1">a<b</d>', good.format(t=6), "</i>"]
    result = parse_comments("\n".join(lines).encode(), "x.xml")
    assert [(c.time, c.text) for c in result.comments] == [(1.0, "第1条"), (2.0, "第2条"), (3.0, "控制字符"),
                                                           (6.0, "第6条")]
    assert result.skipped == 2


def test_csv_field_over_the_csv_module_limit_is_invalid_input() -> None:
    data = b"time,text\n1," + b"x" * (200 * 1024) + b"\n"
    with pytest.raises(InvalidInput):
        parse_comments(data, "c.csv")


def test_deeply_nested_json_is_invalid_input() -> None:
    with pytest.raises(InvalidInput):
        parse_comments(b"[" * 100_000, "c.json")


def test_nan_and_infinite_times_are_skipped() -> None:
    data = b'{"time": NaN, "text": "a"}\n{"time": Infinity, "text": "b"}\n{"time": "nan", "text": "c"}\n'
    result = parse_comments(data, "c.jsonl")
    assert result.comments == [] and result.skipped == 3


def test_csv_with_malformed_rows() -> None:
    data = "time,user,text\n1.5,u1,接龙\nnot-a-time,u2,坏\n2:03.5,u3,多少钱\n-4,u4,负数\n7,u5,\n9\n".encode()
    result = parse_comments(data, "c.csv")
    assert result.format == "csv"
    assert [(c.time, c.text, c.user) for c in result.comments] == [(1.5, "接龙", "u1"), (123.5, "多少钱", "u3")]
    assert result.skipped == 4


def test_csv_in_gbk_without_user_column() -> None:
    result = parse_comments("time,text\n3,想要\n".encode("gbk"), "c.csv")
    assert result.comments == [Comment(3.0, "想要", "")]


def test_jsonl_with_malformed_lines() -> None:
    data = '\n'.join([
        '{"time": 2.0, "text": "+1", "user": "u1"}', '{"time": 1', '["list"]', '{"text": "no time"}',
        '{"time": "NaN", "text": "x"}', '', '{"time": 1.0, "text": "想要"}',
    ]).encode()
    result = parse_comments(data, "c.jsonl")
    assert [(c.time, c.text) for c in result.comments] == [(1.0, "想要"), (2.0, "+1")]
    assert result.skipped == 4


@pytest.mark.parametrize("filename", ["comments.txt", "comments.csv", "upload"])
def test_format_is_sniffed_from_content(filename: str) -> None:
    assert parse_comments(COMMENTS_JSONL.read_bytes(), filename).format == "jsonl"
    assert parse_comments(BILIBILI_XML.encode(), filename).format == "bilibili_xml"


def test_json_array_is_accepted() -> None:
    result = parse_comments(b'[{"time": 1, "text": "a"}, {"time": "x", "text": "b"}]', "c.json")
    assert len(result.comments) == 1 and result.skipped == 1


@pytest.mark.parametrize("value, expected", [
    (3, 3.0), ("4.5", 4.5), ("1:02", 62.0), ("01:00:01.5", 3601.5), ("", None), ("-1", None),
    ("inf", None), (True, None), (None, None), ("1:2:3:4", None),
])
def test_parse_time(value: object, expected: float | None) -> None:
    assert parse_time(value) == expected


def test_csv_without_required_header_is_rejected() -> None:
    with pytest.raises(InvalidInput):
        parse_comments(b"a,b\n1,2\n", "c.csv")


def test_oversized_upload_is_rejected() -> None:
    with pytest.raises(TooLarge):
        parse_comments(b" " * (20 * 1024 * 1024 + 1), "c.csv")
