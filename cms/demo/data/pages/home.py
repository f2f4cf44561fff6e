"""The home page, the section tiles and the hotlines page.

The Bahnar (bdq) texts here and in events.py are short on purpose and are a
draft: have the province's Bahnar translator review them before a real launch.
"""

from ..markup import PageSpec, Stream, T

ALL = ("en", "zh-hans", "lo", "km")

HOME = PageSpec(
    slug="trang-chu",
    model="content.HomePage",
    languages=(*ALL, "bdq"),
    text={
        "title": T(
            "Trang chủ",
            en="Home",
            zh="首页",
            lo="ໜ້າຫຼັກ",
            km="ទំព័រដើម",
            bdq="Kon Tum",
        ),
        "slug": T(
            "trang-chu",
            en="home-en",
            zh="home-zh-hans",
            lo="home-lo",
            km="home-km",
            bdq="home-bdq",
        ),
        "welcome": T(
            "Chào mừng quý khách đến với Kon Tum",
            en="Welcome to Kon Tum",
            zh="欢迎来到昆嵩",
            lo="ຍິນດີຕ້ອນຮັບສູ່ແຂວງກອນຕຸມ",
            km="សូមស្វាគមន៍មកកាន់ខេត្តកុនទុំ",
            bdq="Bơ̆n hơ̆k kơ bơngai truh Kon Tum",
        ),
        "intro": T(
            "<p>Thông tin chính thức về cửa khẩu, thủ tục xuất nhập cảnh, "
            "điểm du lịch, sự kiện và đường dây nóng của tỉnh Kon Tum.</p>",
            en="<p>Official information on the border gates, entry and exit "
            "procedures, places to visit, events and hotlines of Kon Tum "
            "province.</p>",
            zh="<p>昆嵩省口岸、出入境手续、旅游景点、活动及热线电话的官方信息。</p>",
            lo="<p>ຂໍ້ມູນທາງການກ່ຽວກັບດ່ານຊາຍແດນ, ຂັ້ນຕອນເຂົ້າ-ອອກເມືອງ, "
            "ສະຖານທີ່ທ່ອງທ່ຽວ, ກິດຈະກຳ ແລະ ເບີໂທສາຍດ່ວນຂອງແຂວງກອນຕຸມ.</p>",
            km="<p>ព័ត៌មានផ្លូវការអំពីច្រកព្រំដែន នីតិវិធីចេញចូល កន្លែងទេសចរណ៍ "
            "ព្រឹត្តិការណ៍ និងលេខទូរស័ព្ទបន្ទាន់របស់ខេត្តកុនទុំ។</p>",
            bdq="<p>Tơdrong pơtho kơ cửa khẩu, tơdrong truh năm, anih lơ̆ng "
            "uă bơngai năm lăng, tơdrong pơm ƀơ̆t lăm dêh char Kon Tum, "
            "păng số điện thoại kơ đei tơdrong ơ̆ng.</p>",
        ),
    },
)


def section(slug, icon, title, intro, languages=ALL):
    return PageSpec(
        slug=slug,
        model="content.SectionPage",
        languages=languages,
        data={"icon": icon},
        text={"title": title, "slug": slug, "intro": intro},
    )


SECTIONS = [
    section(
        "cua-khau",
        "border",
        T("Cửa khẩu", en="Border gate", zh="口岸", lo="ດ່ານຊາຍແດນ", km="ច្រកព្រំដែន"),
        T(
            "Giờ mở cửa, giấy tờ và thủ tục qua cửa khẩu.",
            en="Opening hours, documents and procedures for crossing the border.",
            zh="口岸开放时间、所需证件及出入境手续。",
            lo="ເວລາເປີດ-ປິດ, ເອກະສານ ແລະ ຂັ້ນຕອນການຜ່ານດ່ານ.",
            km="ម៉ោងបើក ឯកសារ និងនីតិវិធីឆ្លងកាត់ច្រកព្រំដែន។",
        ),
    ),
    section(
        "diem-den",
        "place",
        T(
            "Điểm đến",
            en="Places to visit",
            zh="旅游景点",
            lo="ສະຖານທີ່ທ່ອງທ່ຽວ",
            km="គោលដៅទេសចរណ៍",
        ),
        T(
            "Những địa danh nên ghé thăm ở Kon Tum.",
            en="Places worth a visit in Kon Tum.",
            zh="昆嵩值得一游的地方。",
            lo="ສະຖານທີ່ທີ່ຄວນໄປຢ້ຽມຢາມໃນແຂວງກອນຕຸມ.",
            km="ទីកន្លែងដែលគួរទៅទស្សនានៅខេត្តកុនទុំ។",
        ),
    ),
    section(
        "su-kien",
        "event",
        T(
            "Sự kiện",
            en="Events",
            zh="活动",
            lo="ກິດຈະກຳ",
            km="ព្រឹត្តិការណ៍",
            bdq="Tơdrong pơm",
        ),
        T(
            "Lễ hội, hội chợ và các hoạt động sắp diễn ra.",
            en="Festivals, fairs and coming activities.",
            zh="节庆、展销会及近期活动。",
            lo="ບຸນປະເພນີ, ງານວາງສະແດງສິນຄ້າ ແລະ ກິດຈະກຳທີ່ກຳລັງຈະມາເຖິງ.",
            km="ពិធីបុណ្យ ពិព័រណ៍ និងសកម្មភាពនាពេលខាងមុខ។",
            bdq="Tơdrong ƀơ̆t păng chợ lăm dêh char Kon Tum.",
        ),
        languages=(*ALL, "bdq"),
    ),
    section(
        "tin-tuc-chuong-trinh",
        "info",
        T(
            "Tin tức và chương trình",
            en="News and programmes",
            zh="新闻与节目",
            lo="ຂ່າວ ແລະ ລາຍການ",
            km="ព័ត៌មាន និងកម្មវិធី",
        ),
        T(
            "Bản tin, phóng sự và chương trình truyền hình về Kon Tum.",
            en="News, reports and television programmes about Kon Tum.",
            zh="有关昆嵩的新闻、专题报道和电视节目。",
            lo="ຂ່າວ, ບົດລາຍງານ ແລະ ລາຍການໂທລະທັດກ່ຽວກັບແຂວງກອນຕຸມ.",
            km="ព័ត៌មាន របាយការណ៍ និងកម្មវិធីទូរទស្សន៍អំពីខេត្តកុនទុំ។",
        ),
    ),
    section(
        "thong-bao",
        "notice",
        T("Thông báo", en="Notices", zh="通知公告", lo="ແຈ້ງການ", km="សេចក្តីជូនដំណឹង"),
        T(
            "Thông báo của các cơ quan chức năng.",
            en="Notices from the authorities.",
            zh="有关部门发布的通知。",
            lo="ແຈ້ງການຈາກພາກສ່ວນທີ່ກ່ຽວຂ້ອງ.",
            km="សេចក្តីជូនដំណឹងពីអាជ្ញាធរមានសមត្ថកិច្ច។",
        ),
    ),
]


def hotline(kind, name, phone, hours, note=""):
    return (
        "hotline",
        {"kind": kind, "name": name, "phone": phone, "hours": hours, "note": note},
    )


HOTLINES = PageSpec(
    slug="duong-day-nong",
    model="content.HotlinesPage",
    agency="police",
    languages=(*ALL, "bdq"),
    data={"category": "essential.security"},
    text={
        "title": T(
            "Đường dây nóng",
            en="Hotlines",
            zh="热线电话",
            lo="ເບີໂທສາຍດ່ວນ",
            km="លេខទូរស័ព្ទបន្ទាន់",
            bdq="Số điện thoại kơ tơdrong ơ̆ng",
        ),
        "slug": "duong-day-nong",
        "summary": T(
            "Các số điện thoại khẩn cấp, miễn phí, gọi được 24/7.",
            en="Emergency numbers, free of charge, available 24/7.",
            zh="紧急求助电话，免费拨打，全天24小时服务。",
            lo="ເບີໂທສຸກເສີນ, ໂທຟຣີ, ໃຫ້ບໍລິການ 24 ຊົ່ວໂມງ.",
            km="លេខទូរស័ព្ទសង្គ្រោះបន្ទាន់ ហៅដោយឥតគិតថ្លៃ ២៤ ម៉ោង។",
            bdq="Số điện thoại kơ tơdrong ơ̆ng, ưh kơ chěp jên, 24/7.",
        ),
        "source_credit": T(
            "Công an tỉnh Kon Tum",
            en="Kon Tum Provincial Police",
            zh="昆嵩省公安厅",
            lo="ກອງບັນຊາການປ້ອງກັນຄວາມສະຫງົບແຂວງກອນຕຸມ",
            km="ស្នងការដ្ឋាននគរបាលខេត្តកុនទុំ",
            bdq="Kông an dêh char Kon Tum",
        ),
        "intro": T(
            "Khi gặp sự cố, hãy gọi ngay số phù hợp. Nói rõ địa điểm và "
            "tình trạng của người cần giúp.",
            en="In an emergency, call the right number at once. Say clearly where "
            "you are and what has happened.",
            zh="遇到紧急情况请立即拨打相应号码，并说明所在地点和现场情况。",
            lo="ເມື່ອເກີດເຫດສຸກເສີນ, ໃຫ້ໂທຫາເບີທີ່ກ່ຽວຂ້ອງທັນທີ. ບອກສະຖານທີ່ ແລະ ສະພາບການໃຫ້ຊັດເຈນ.",
            km="ពេលមានអាសន្ន សូមហៅទៅលេខដែលត្រូវភ្លាមៗ។ "
            "សូមប្រាប់ឱ្យច្បាស់ពីទីតាំង និងហេតុការណ៍ដែលកើតឡើង។",
            bdq="Tơ đei tơdrong ơ̆ng, iŏ ăn kơ số điện thoại anŭn.",
        ),
        "hotlines": Stream(
            [
                hotline(
                    "police",
                    T(
                        "Công an",
                        en="Police",
                        zh="报警（公安）",
                        lo="ຕຳຫຼວດ",
                        km="នគរបាល",
                        bdq="Kông an",
                    ),
                    "113",
                    "24/7",
                ),
                hotline(
                    "fire",
                    T(
                        "Cứu hoả, cứu nạn cứu hộ",
                        en="Fire and rescue",
                        zh="火警及救援",
                        lo="ດັບເພີງ ແລະ ກູ້ໄພ",
                        km="ពន្លត់អគ្គិភ័យ និងសង្គ្រោះ",
                        bdq="Pơlôt ŭnh",
                    ),
                    "114",
                    "24/7",
                ),
                hotline(
                    "medical",
                    T(
                        "Cấp cứu y tế",
                        en="Medical emergency",
                        zh="医疗急救",
                        lo="ສຸກເສີນທາງການແພດ",
                        km="សង្គ្រោះបន្ទាន់វេជ្ជសាស្ត្រ",
                        bdq="Pơgang bơngai ji",
                    ),
                    "115",
                    "24/7",
                ),
                hotline(
                    "border_post",
                    T(
                        "Đồn Biên phòng Cửa khẩu quốc tế Bờ Y",
                        en="Bờ Y International Border Gate Border Guard Post",
                        zh="博伊国际口岸边防站",
                        lo="ປ້ອມປ້ອງກັນຊາຍແດນ ດ່ານສາກົນບໍອີ",
                        km="ប៉ុស្តិ៍ការពារព្រំដែនច្រកអន្តរជាតិបរអ៊ី",
                        bdq="Bộ đội Biên phòng Bờ Y",
                    ),
                    "0260 3 835 113",
                    "24/7",
                ),
                hotline(
                    "tourist",
                    T(
                        "Hỗ trợ du khách Kon Tum",
                        en="Kon Tum tourist help line",
                        zh="昆嵩游客援助热线",
                        lo="ສາຍດ່ວນຊ່ວຍເຫຼືອນັກທ່ອງທ່ຽວກອນຕຸມ",
                        km="ខ្សែជំនួយភ្ញៀវទេសចរខេត្តកុនទុំ",
                        bdq="Pơgang bơngai năm lăng Kon Tum",
                    ),
                    "0260 3 500 500",
                    "07:00–21:00",
                    T(
                        "Tiếng Việt, tiếng Anh",
                        en="Vietnamese and English",
                        zh="提供越南语、英语服务",
                        lo="ພາສາຫວຽດ ແລະ ພາສາອັງກິດ",
                        km="ភាសាវៀតណាម និងភាសាអង់គ្លេស",
                        bdq="Tiếng Việt, tiếng Anh",
                    ),
                ),
            ]
        ),
    },
)
