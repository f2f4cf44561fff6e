"""Notices: one for information, one emergency with an expiry."""

from ..markup import HoursFromNow, PageSpec, Stream, T

BORDER_ZONE_PAPERS = PageSpec(
    slug="mang-giay-to-vao-khu-vuc-bien-gioi",
    parent="thong-bao",
    model="content.NoticePage",
    agency="border-guard",
    languages=("en", "zh-hans", "lo", "km"),
    data={
        "category": "border_rules",
        "severity": "info",
        "valid_from": HoursFromNow(-1),
    },
    text={
        "title": T(
            "Mang theo giấy tờ khi vào khu vực biên giới",
            en="Carry your papers in the border area",
            zh="进入边境地区请携带证件",
            lo="ກະລຸນາພົກເອກະສານເມື່ອເຂົ້າເຂດຊາຍແດນ",
            km="សូមយកឯកសារជាប់ខ្លួននៅពេលចូលតំបន់ព្រំដែន",
        ),
        "slug": "mang-giay-to-vao-khu-vuc-bien-gioi",
        "summary": T(
            "Người vào khu vực biên giới phải mang giấy tờ tuỳ thân và khai báo "
            "với Đồn Biên phòng nếu lưu trú qua đêm.",
            en="Anyone entering the border area must carry identity papers and "
            "report to the Border Guard post when staying overnight.",
            zh="进入边境地区须携带身份证件；如需过夜，须向边防站申报。",
            lo="ຜູ້ທີ່ເຂົ້າເຂດຊາຍແດນຕ້ອງພົກເອກະສານປະຈຳຕົວ ແລະ ແຈ້ງຕໍ່ປ້ອມປ້ອງກັນຊາຍແດນ ຖ້າພັກຄ້າງຄືນ.",
            km="អ្នកចូលតំបន់ព្រំដែនត្រូវយកឯកសារអត្តសញ្ញាណជាប់ខ្លួន "
            "និងរាយការណ៍ទៅប៉ុស្តិ៍ការពារព្រំដែន ប្រសិនបើស្នាក់នៅពេលយប់។",
        ),
        "source_credit": T(
            "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Kon Tum",
            en="Kon Tum Provincial Border Guard Command",
            zh="昆嵩省边防部队指挥部",
            lo="ກອງບັນຊາການທະຫານປ້ອງກັນຊາຍແດນແຂວງກອນຕຸມ",
            km="បញ្ជាការដ្ឋានកងការពារព្រំដែនខេត្តកុនទុំ",
        ),
        "body": Stream(
            [
                (
                    "text",
                    T(
                        "<p>Giấy tờ hợp lệ: căn cước, hộ chiếu hoặc giấy thông "
                        "hành biên giới. Không chụp ảnh, quay phim các công "
                        "trình quân sự.</p>",
                        en="<p>Valid papers: an identity card, passport or border "
                        "pass. Do not photograph or film military sites.</p>",
                        zh="<p>有效证件：身份证、护照或边境通行证。"
                        "禁止拍摄军事设施。</p>",
                        lo="<p>ເອກະສານທີ່ໃຊ້ໄດ້: ບັດປະຈຳຕົວ, ໜັງສືຜ່ານແດນ "
                        "ຫຼື ບັດຜ່ານແດນ. ຫ້າມຖ່າຍຮູບ ຫຼື ຖ່າຍວິດີໂອ"
                        "ສະຖານທີ່ການທະຫານ.</p>",
                        km="<p>ឯកសារមានសុពលភាព៖ អត្តសញ្ញាណប័ណ្ណ លិខិតឆ្លងដែន "
                        "ឬលិខិតអនុញ្ញាតឆ្លងដែន។ "
                        "ហាមថតរូប ឬថតវីដេអូទីតាំងយោធា។</p>",
                    ),
                ),
            ]
        ),
    },
)

LANDSLIDE = PageSpec(
    slug="canh-bao-sat-lo-quoc-lo-40",
    parent="thong-bao",
    model="content.NoticePage",
    agency="police",
    clusters=("bo-y",),
    languages=("en", "zh-hans", "lo"),
    data={
        "category": "essential.emergency",
        "severity": "emergency",
        "valid_from": HoursFromNow(-2),
        "expires_at": HoursFromNow(7 * 24),
    },
    text={
        "title": T(
            "Cảnh báo sạt lở đất trên Quốc lộ 40",
            en="Landslide warning on National Road 40",
            zh="40号国道山体滑坡预警",
            lo="ແຈ້ງເຕືອນດິນເຈື່ອນ ເທິງທາງຫຼວງແຫ່ງຊາດເລກທີ 40",
        ),
        "slug": "canh-bao-sat-lo-quoc-lo-40",
        "summary": T(
            "Mưa lớn gây sạt lở trên Quốc lộ 40 từ Plei Kần đi cửa khẩu Bờ Y. "
            "Xe đi chậm, theo hướng dẫn của lực lượng chức năng.",
            en="Heavy rain has caused landslides on National Road 40 between "
            "Plei Kần and the Bờ Y gate. Drive slowly and follow the officers' "
            "instructions.",
            zh="暴雨导致40号国道普莱坎至博伊口岸路段发生山体滑坡。"
            "请减速慢行，听从执勤人员指挥。",
            lo="ຝົນຕົກໜັກເຮັດໃຫ້ເກີດດິນເຈື່ອນ ເທິງທາງຫຼວງແຫ່ງຊາດເລກທີ 40 "
            "ຈາກເພລຍກັນ ຫາ ດ່ານບໍອີ. ກະລຸນາຂັບຂີ່ຊ້າໆ "
            "ແລະ ປະຕິບັດຕາມການແນະນຳຂອງເຈົ້າໜ້າທີ່.",
        ),
        "source_credit": T(
            "Công an tỉnh Kon Tum",
            en="Kon Tum Provincial Police",
            zh="昆嵩省公安厅",
            lo="ກອງບັນຊາການປ້ອງກັນຄວາມສະຫງົບແຂວງກອນຕຸມ",
        ),
        "body": Stream(
            [
                (
                    "text",
                    T(
                        "<p>Không dừng, đỗ xe dưới taluy. Khi gặp sự cố, gọi "
                        "<b>113</b> hoặc Đồn Biên phòng Bờ Y.</p>",
                        en="<p>Do not stop or park below the cut slopes. In an "
                        "emergency call <b>113</b> or the Bờ Y Border Guard "
                        "post.</p>",
                        zh="<p>请勿在边坡下方停车。遇到紧急情况，请拨打"
                        "<b>113</b>或联系博伊边防站。</p>",
                        lo="<p>ຫ້າມຢຸດ ຫຼື ຈອດລົດໃຕ້ຕີນພູ. ເມື່ອມີເຫດສຸກເສີນ "
                        "ໃຫ້ໂທ <b>113</b> ຫຼື ປ້ອມປ້ອງກັນຊາຍແດນບໍອີ.</p>",
                    ),
                ),
            ]
        ),
    },
)

PAGES = [BORDER_ZONE_PAPERS, LANDSLIDE]
