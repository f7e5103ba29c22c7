"""Slugs: permanent for Latin and Cyrillic titles, readable for titles in other scripts."""

from __future__ import annotations

import pytest

from newsarchive.slugs import slugify


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        (
            "Starmer says allies will keep up pressure on Putin and plan a peacekeeping force",
            "starmer-says-allies-will-keep-up-pressure-on-putin-and-plan-a-peacekeeping-force",
        ),
        (
            "Macron reçoit les « partenaires sociaux » à l'Élysée : quelles réformes ?",
            "macron-recoit-les-partenaires-sociaux-a-l-elysee-quelles-reformes",
        ),
        (
            "Straßenbahn in Köln: Bürger fordern mehr Züge für Außenbezirke",
            "strassenbahn-in-koln-burger-fordern-mehr-zuge-fur-aussenbezirke",
        ),
        (
            "Łódź i Gdańsk walczą o środki z Unii — co dalej?",
            "lodz-i-gdansk-walcza-o-srodki-z-unii-co-dalej",
        ),
        (
            "İstanbul'da deprem tatbikatı: Kadıköy ve Üsküdar'da sirenler çaldı",
            "istanbul-da-deprem-tatbikati-kadikoy-ve-uskudar-da-sirenler-caldi",
        ),
        ("Thủ tướng Việt Nam thăm Hà Nội và Đà Nẵng", "thu-tuong-viet-nam-tham-ha-noi-va-da-nang"),
        (
            "Þingvellir þjóðgarður lokaður vegna jarðskjálfta",
            "thingvellir-thjodgardur-lokadur-vegna-jardskjalfta",
        ),
        (
            "Køb af grønne obligationer stiger i Århus og Ærø",
            "kob-af-gronne-obligationer-stiger-i-arhus-og-aero",
        ),
        (
            "Київ отримав нові системи ППО від партнерів",
            "kyiv-otrymav-novi-systemy-ppo-vid-partneriv",
        ),
        (
            "Зеленський: «Ми готові до переговорів», — заява щодо Єрусалима і Їжакевича",
            "zelenskyi-my-hotovi-do-perehovoriv-zaiava-shchodo-ierusalyma-i-izhakevycha",
        ),
        (
            "Госдума приняла закон о налогах: что изменится с 1 января",
            "hosduma-pryniala-zakon-o-nalohakh-chto-yzmenytsia-s-1-ianvaria",
        ),
        # Serbian letters outside the Ukrainian table were always dropped; the address stays.
        ("Ђоковић освојио турнир у Београду", "okovy-osvoyo-turnyr-u-beohradu"),
        # A few words of another script in a Latin title drop out, as they always did.
        ("Xi Jinping (习近平) meets Macron in Beijing", "xi-jinping-meets-macron-in-beijing"),
        ("COVID-19 variant Ω spreads in Europe", "covid-19-variant-spreads-in-europe"),
        ("€5bn deal 😀 signed — 100% done", "5bn-deal-signed-100-done"),
    ],
)
def test_latin_and_cyrillic_titles_keep_their_slugs(title: str, slug: str) -> None:
    assert slugify(title) == slug


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        (
            "Η Βουλή ψήφισε τον νέο προϋπολογισμό για το 2025",
            "i-voyli-psifise-ton-neo-proypologismo-gia-to-2025",
        ),
        (
            "البرلمان يقر الميزانية الجديدة بعد جلسة طويلة",
            "lbrlmn-yqr-lmyznyh-ljdydh-bd-jlsh-twylh",
        ),
        ("国务院发布新的城市交通规划", "guo-wu-yuan-fa-bu-xin-de-cheng-shi-jiao-tong-gui-hua"),
        ("პარლამენტმა ახალი ბიუჯეტი დაამტკიცა", "parlamentma-akhali-biujeti-daamtkitsa"),
        ("הכנסת אישרה את התקציב החדש", "hkhnst-ysrh-t-htktsyv-hhds"),
        ("Ազգային ժողովը հաստատեց նոր բյուջեն", "azgayin-zhoghovy-hastatets-nor-byowjen"),
        ("รัฐบาลอนุมัติงบประมาณใหม่สำหรับปี 2568", "rathbalonumatingbpramanaihmsamhrabpi-2568"),
        ("東京で記録的な大雪、交通に乱れ", "dong-jing-de-ji-lu-de-na-da-xue-jiao-tong-ni-luan-re"),
        ("서울에 기록적인 폭설이 내려", "seoule-gilogjeogin-pogseoli-naelyeo"),
        ("संसद ने नया बजट पारित किया", "smsd-ne-nya-bjt-parit-kiya"),
    ],
)
def test_titles_in_other_scripts_are_transliterated(title: str, slug: str) -> None:
    assert slugify(title) == slug


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        (
            "Ο πρωθυπουργός ανακοίνωσε νέα μέτρα στήριξης για τις οικογένειες με παιδιά "
            "και τους συνταξιούχους σε όλη τη χώρα",
            "o-prothypoyrgos-anakoinose-nea-metra-stirixis-gia-tis-oikogeneies-me-paidia-kai",
        ),
        # Each Chinese character is a word, so the cut still falls between syllables.
        (
            "国务院今天发布新的城市交通规划，要求各地在明年年底前完成公共交通线路的调整和优化工作",
            "guo-wu-yuan-jin-tian-fa-bu-xin-de-cheng-shi-jiao-tong-gui-hua-yao-qiu-ge-de-zai",
        ),
    ],
)
def test_long_transliterated_titles_are_cut_at_a_word_within_80(title: str, slug: str) -> None:
    assert slugify(title) == slug
    assert len(slug) <= 80
