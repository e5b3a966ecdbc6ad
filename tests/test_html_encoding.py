"""Bytes input: BOM, then the declared charset (<meta charset> / http-equiv), then detection.

The encoded fixtures are built here from small hand-written pages, one per encoding.
"""

from __future__ import annotations

import codecs

import pytest

import newsclean
from newsclean.ingest.decode import decode_bytes

ZH_SIMPLIFIED = "国务院总理朱镕基今天在北京会见了来访的代表团，双方就经贸合作等问题交换了意见。会见后，双方签署了多项合作文件。"
ZH_TRADITIONAL = "颱風今天清晨在東部沿海登陸，氣象單位表示，雨勢將持續到週末，民眾應注意山區落石與低窪地區積水。"
JA = "東京都は今日、新しい図書館を来月開館すると発表しました。館内には約五十万冊の本が並び、夜九時まで利用できます。"
KO = "서울시는 오늘 새로운 도서관을 다음 달에 개관한다고 발표했습니다. 도서관에는 약 오십만 권의 책이 있으며 밤 아홉 시까지 이용할 수 있습니다."
FR = "Le musée rouvrira ses portes après deux années de travaux, a annoncé la mairie. « C’est une très bonne nouvelle », a déclaré l’adjointe à la culture — qui s’en félicite."


def page(body: str, head: str = "", title: str = "Headline") -> str:
    return (
        f"<!DOCTYPE html><html><head>{head}<title>{title}</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><h1>{title}</h1><p>{body}</p><p>{body}</p></body></html>"
    )


CASES = [
    ("gbk", '<meta charset="gbk">', ZH_SIMPLIFIED, "新闻标题"),
    ("gb2312-declared", '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', ZH_SIMPLIFIED, "新闻标题"),
    ("big5", '<meta http-equiv="Content-Type" content="text/html; charset=big5">', ZH_TRADITIONAL, "颱風登陸"),
    ("shift_jis", '<meta charset="Shift_JIS">', JA, "図書館開館"),
    ("euc-kr", '<meta charset="euc-kr">', KO, "도서관 개관"),
    ("windows-1252", '<meta charset="iso-8859-1">', FR, "Le musée rouvre"),
]
CODECS = {"gbk": "gbk", "gb2312-declared": "gb18030", "big5": "big5", "shift_jis": "shift_jis",
          "euc-kr": "euc-kr", "windows-1252": "cp1252"}


@pytest.mark.parametrize("name, head, body, title", CASES, ids=[c[0] for c in CASES])
def test_declared_encodings_decode_correctly(name, head, body, title):
    raw = page(body, head, title).encode(CODECS[name])
    article = newsclean.clean(raw)
    assert article.body.split("\n")[0] == body
    assert article.headline == title


def test_gb2312_label_is_read_as_gb18030():
    # 镕 is not in GB2312; real pages labelled gb2312 use it anyway (GBK/GB18030 bytes).
    raw = page(ZH_SIMPLIFIED, '<meta charset="gb2312">').encode("gb18030")
    assert "朱镕基" in decode_bytes(raw)


def test_cp1252_punctuation_under_latin1_label():
    raw = page(FR, '<meta charset="iso-8859-1">').encode("cp1252")
    text = decode_bytes(raw)
    assert "C’est" in text and "—" in text


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                        (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_bom_wins_over_a_wrong_declaration(bom, codec):
    raw = bom + page(ZH_SIMPLIFIED, '<meta charset="iso-8859-1">').encode(codec)
    assert newsclean.clean(raw).body.split("\n")[0] == ZH_SIMPLIFIED


def test_undeclared_gbk_is_detected():
    raw = page(ZH_SIMPLIFIED * 3).encode("gbk")
    assert ZH_SIMPLIFIED in decode_bytes(raw)


def test_undeclared_utf8_is_read_as_utf8():
    raw = page(KO).encode("utf-8")
    assert newsclean.clean(raw).body.split("\n")[0] == KO


def test_wrong_declaration_falls_back_instead_of_mojibake():
    raw = page(ZH_SIMPLIFIED, '<meta charset="utf-8">').encode("gbk")
    assert ZH_SIMPLIFIED in decode_bytes(raw)


def test_undecodable_bytes_are_a_typed_error():
    noise = bytes(range(256)) * 64
    with pytest.raises(newsclean.NewscleanError):
        newsclean.clean(noise)
