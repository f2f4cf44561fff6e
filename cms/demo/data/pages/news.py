"""The radio-TV provider's section: a page that uses every body block."""

from ..markup import Img, Items, PageSpec, ProgrammeRef, Stream, T
from .common import hours, period

DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "hol"]

LED_SCHEDULE = PageSpec(
    slug="lich-phat-song-man-hinh-led",
    parent="tin-tuc-chuong-trinh",
    model="content.InformationPage",
    agency="radio-tv",
    hero="led-screen",
    languages=("en", "zh-hans", "lo", "km"),
    data={"category": "essential.projects"},
    text={
        "title": T(
            "Chương trình trên màn hình LED",
            en="What the LED screens show",
            zh="LED大屏播出节目",
            lo="ລາຍການເທິງຈໍ LED",
            km="កម្មវិធីនៅលើអេក្រង់ LED",
        ),
        "slug": "lich-phat-song-man-hinh-led",
        "summary": T(
            "Giờ phát, nội dung và cách liên hệ Ban biên tập chương trình.",
            en="Broadcast hours, content and how to reach the programme desk.",
            zh="播出时间、节目内容及节目编辑部联系方式。",
            lo="ເວລາອອກອາກາດ, ເນື້ອໃນ ແລະ ວິທີຕິດຕໍ່ກອງບັນນາທິການ.",
            km="ម៉ោងផ្សាយ ខ្លឹមសារ និងរបៀបទាក់ទងក្រុមនិពន្ធកម្មវិធី។",
        ),
        "source_credit": T(
            "Đài Phát thanh – Truyền hình tỉnh Kon Tum",
            en="Kon Tum Radio and Television",
            zh="昆嵩省广播电视台",
            lo="ສະຖານີວິທະຍຸ-ໂທລະທັດແຂວງກອນຕຸມ",
            km="ស្ថានីយ៍វិទ្យុ និងទូរទស្សន៍ខេត្តកុនទុំ",
        ),
        "body": Stream(
            [
                (
                    "text",
                    T(
                        "<h2>Mỗi ngày trên màn hình LED</h2>"
                        "<p>Các màn hình phát bản tin thời sự, phóng sự về đất "
                        "và người Kon Tum, thông tin cửa khẩu và cảnh báo khẩn "
                        "cấp khi cần.</p>",
                        en="<h2>Every day on the LED screens</h2>"
                        "<p>The screens show news bulletins, reports on Kon Tum "
                        "and its people, border-gate information and, when "
                        "needed, emergency warnings.</p>",
                        zh="<h2>LED大屏每日播出</h2>"
                        "<p>大屏播放新闻简报、介绍昆嵩风土人情的专题片、"
                        "口岸信息，必要时播出紧急警报。</p>",
                        lo="<h2>ທຸກມື້ເທິງຈໍ LED</h2>"
                        "<p>ຈໍສະແດງຂ່າວ, ບົດລາຍງານກ່ຽວກັບແຜ່ນດິນ ແລະ "
                        "ປະຊາຊົນກອນຕຸມ, ຂໍ້ມູນດ່ານຊາຍແດນ ແລະ "
                        "ຄຳເຕືອນສຸກເສີນເມື່ອຈຳເປັນ.</p>",
                        km="<h2>រៀងរាល់ថ្ងៃនៅលើអេក្រង់ LED</h2>"
                        "<p>អេក្រង់ផ្សាយព្រឹត្តិបត្រព័ត៌មាន "
                        "របាយការណ៍អំពីដែនដី និងប្រជាជនកុនទុំ ព័ត៌មានច្រកព្រំដែន "
                        "និងការព្រមានបន្ទាន់នៅពេលចាំបាច់។</p>",
                    ),
                ),
                (
                    "image",
                    {
                        "image": Img("led-screen"),
                        "alt": T(
                            "Màn hình LED ba mặt tại cửa khẩu Bờ Y",
                            en="The three-face LED screen at the Bờ Y gate",
                            zh="博伊口岸的三面LED大屏",
                            lo="ຈໍ LED ສາມໜ້າ ຢູ່ດ່ານບໍອີ",
                            km="អេក្រង់ LED បីមុខនៅច្រកបរអ៊ី",
                        ),
                        "caption": T(
                            "Cụm thông tin điện tử Bờ Y",
                            en="The Bờ Y information cluster",
                            zh="博伊电子信息站",
                            lo="ກຸ່ມຂໍ້ມູນຂ່າວສານເອເລັກໂຕຣນິກ ບໍອີ",
                            km="ចង្កោមព័ត៌មានអេឡិចត្រូនិកបរអ៊ី",
                        ),
                    },
                ),
                (
                    "gallery",
                    {
                        "title": T(
                            "Hình ảnh Kon Tum",
                            en="Kon Tum in pictures",
                            zh="昆嵩图片",
                            lo="ຮູບພາບກອນຕຸມ",
                            km="រូបភាពកុនទុំ",
                        ),
                        "images": Items(
                            [
                                {
                                    "image": Img("mang-den"),
                                    "alt": T(
                                        "Rừng thông Măng Đen",
                                        en="Pine forest at Măng Đen",
                                        zh="芒登松林",
                                        lo="ປ່າແປກມັງແດນ",
                                        km="ព្រៃស្រល់ម៉ាំងដែន",
                                    ),
                                    "caption": "",
                                },
                                {
                                    "image": Img("kon-klor"),
                                    "alt": T(
                                        "Nhà rông Kon Klor",
                                        en="Kon Klor communal house",
                                        zh="昆克罗公共屋",
                                        lo="ເຮືອນໂຣງກອນກລໍ",
                                        km="ផ្ទះរ៉ុងកុនក្លរ",
                                    ),
                                    "caption": "",
                                },
                            ]
                        ),
                    },
                ),
                (
                    "text",
                    T(
                        "<h3>Khung giờ phát theo cụm</h3>",
                        en="<h3>Broadcast hours by cluster</h3>",
                        zh="<h3>各站点播出时段</h3>",
                        lo="<h3>ເວລາອອກອາກາດຕາມແຕ່ລະກຸ່ມ</h3>",
                        km="<h3>ម៉ោងផ្សាយតាមចង្កោមនីមួយៗ</h3>",
                    ),
                ),
                # Translators translate the caption and every cell with words
                # (see TranslatableTableBlock); the times stay as they are.
                (
                    "table",
                    {
                        "data": [
                            [
                                T(
                                    "Cụm thông tin",
                                    en="Cluster",
                                    zh="站点",
                                    lo="ກຸ່ມຂໍ້ມູນ",
                                    km="ចង្កោមព័ត៌មាន",
                                ),
                                T(
                                    "Buổi sáng",
                                    en="Morning",
                                    zh="上午",
                                    lo="ຕອນເຊົ້າ",
                                    km="ពេលព្រឹក",
                                ),
                                T(
                                    "Buổi chiều",
                                    en="Afternoon",
                                    zh="下午",
                                    lo="ຕອນບ່າຍ",
                                    km="ពេលរសៀល",
                                ),
                            ],
                            [
                                T("Bờ Y", en="Bờ Y", zh="博伊", lo="ບໍອີ", km="បរអ៊ី"),
                                "07:00–11:00",
                                "14:00–19:00",
                            ],
                            [
                                T(
                                    "Lệ Thanh",
                                    en="Lệ Thanh",
                                    zh="礼青",
                                    lo="ເລແທັງ",
                                    km="ឡេថាញ់",
                                ),
                                "07:00–11:00",
                                "14:00–18:00",
                            ],
                            [
                                T(
                                    "Quảng trường 16/3, Kon Tum",
                                    en="16/3 Square, Kon Tum",
                                    zh="昆嵩3月16日广场",
                                    lo="ເດີ່ນ 16/3, ກອນຕຸມ",
                                    km="ទីលាន ១៦/៣ កុនទុំ",
                                ),
                                "06:00–09:00",
                                "17:00–21:00",
                            ],
                        ],
                        "first_row_is_table_header": True,
                        "first_col_is_header": True,
                        "table_header_choice": "both",
                        "table_caption": T(
                            "Giờ phát trên màn hình LED",
                            en="LED screen broadcast hours",
                            zh="LED大屏播出时段",
                            lo="ເວລາອອກອາກາດເທິງຈໍ LED",
                            km="ម៉ោងផ្សាយលើអេក្រង់ LED",
                        ),
                    },
                ),
                (
                    "contact",
                    {
                        "name": T(
                            "Ban Biên tập chương trình",
                            en="Programme desk",
                            zh="节目编辑部",
                            lo="ກອງບັນນາທິການລາຍການ",
                            km="ក្រុមនិពន្ធកម្មវិធី",
                        ),
                        "role": T(
                            "Đài Phát thanh – Truyền hình tỉnh Kon Tum",
                            en="Kon Tum Radio and Television",
                            zh="昆嵩省广播电视台",
                            lo="ສະຖານີວິທະຍຸ-ໂທລະທັດແຂວງກອນຕຸມ",
                            km="ស្ថានីយ៍វិទ្យុ និងទូរទស្សន៍ខេត្តកុនទុំ",
                        ),
                        "phone": "0260 3 800 006",
                        "email": "bientap@ptth-kontum-demo.example",
                        "address": T(
                            "Thành phố Kon Tum, tỉnh Kon Tum",
                            en="Kon Tum city, Kon Tum province",
                            zh="昆嵩省昆嵩市",
                            lo="ນະຄອນກອນຕຸມ, ແຂວງກອນຕຸມ",
                            km="ក្រុងកុនទុំ ខេត្តកុនទុំ",
                        ),
                    },
                ),
                (
                    "opening_hours",
                    hours(
                        T(
                            "Giờ phát trên màn hình",
                            en="Screen hours",
                            zh="大屏播出时间",
                            lo="ເວລາເປີດຈໍ",
                            km="ម៉ោងបើកអេក្រង់",
                        ),
                        period(DAYS, "07:00", "11:00"),
                        period(DAYS, "14:00", "18:00"),
                    ),
                ),
                (
                    "programme",
                    {
                        "programme": ProgrammeRef("border-news"),
                        "caption": T(
                            "Bản tin biên giới tháng này",
                            en="This month's border news",
                            zh="本月边境新闻",
                            lo="ຂ່າວຊາຍແດນປະຈຳເດືອນນີ້",
                            km="ព័ត៌មានព្រំដែនប្រចាំខែនេះ",
                        ),
                    },
                ),
            ]
        ),
    },
)

PAGES = [LED_SCHEDULE]
