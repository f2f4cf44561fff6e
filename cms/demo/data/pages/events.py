"""Events: a border trade fair and the gong culture festival."""

from ..markup import DaysFromToday, Img, PageSpec, Stream, T

TRADE_FAIR = PageSpec(
    slug="hoi-cho-thuong-mai-bien-gioi",
    parent="su-kien",
    model="content.EventPage",
    agency="economic-zone",
    hero="trade-fair",
    clusters=("bo-y", "le-thanh"),
    languages=("en", "zh-hans", "lo", "km"),
    data={
        "category": "essential.economy",
        "start_date": DaysFromToday(20),
        "end_date": DaysFromToday(24),
    },
    text={
        "title": T(
            "Hội chợ thương mại biên giới Việt – Lào",
            en="Viet Nam – Laos Border Trade Fair",
            zh="越老边境贸易博览会",
            lo="ງານວາງສະແດງສິນຄ້າຊາຍແດນ ຫວຽດນາມ – ລາວ",
            km="ពិព័រណ៍ពាណិជ្ជកម្មព្រំដែន វៀតណាម – ឡាវ",
        ),
        "slug": "hoi-cho-thuong-mai-bien-gioi",
        "summary": T(
            "Năm ngày trưng bày nông sản, hàng thủ công và hàng tiêu dùng của "
            "các tỉnh biên giới Việt Nam, Lào và Campuchia.",
            en="Five days of farm produce, handicrafts and consumer goods from "
            "the border provinces of Viet Nam, Laos and Cambodia.",
            zh="为期五天，展出越南、老挝、柬埔寨边境各省的农产品、手工艺品和日用消费品。",
            lo="ຫ້າມື້ຂອງການວາງສະແດງຜະລິດຕະພັນກະສິກຳ, ສິນຄ້າຫັດຖະກຳ ແລະ "
            "ສິນຄ້າອຸປະໂພກບໍລິໂພກ ຂອງບັນດາແຂວງຊາຍແດນ ຫວຽດນາມ, ລາວ ແລະ ກຳປູເຈຍ.",
            km="រយៈពេលប្រាំថ្ងៃនៃការតាំងបង្ហាញផលិតផលកសិកម្ម សិប្បកម្ម "
            "និងទំនិញប្រើប្រាស់ ពីខេត្តព្រំដែនវៀតណាម ឡាវ និងកម្ពុជា។",
        ),
        "source_credit": T(
            "Ban Quản lý Khu kinh tế tỉnh Kon Tum",
            en="Kon Tum Economic Zone Authority",
            zh="昆嵩省经济区管理委员会",
            lo="ຄະນະຄຸ້ມຄອງເຂດເສດຖະກິດແຂວງກອນຕຸມ",
            km="គណៈគ្រប់គ្រងតំបន់សេដ្ឋកិច្ចខេត្តកុនទុំ",
        ),
        "venue": T(
            "Khu kinh tế cửa khẩu quốc tế Bờ Y",
            en="Bờ Y International Border Gate Economic Zone",
            zh="博伊国际口岸经济区",
            lo="ເຂດເສດຖະກິດດ່ານສາກົນບໍອີ",
            km="តំបន់សេដ្ឋកិច្ចច្រកអន្តរជាតិបរអ៊ី",
        ),
        "body": Stream(
            [
                (
                    "text",
                    T(
                        "<p>Mở cửa từ 08:00 đến 21:00, vào cửa tự do. Doanh nghiệp "
                        "muốn đăng ký gian hàng liên hệ Ban Quản lý Khu kinh tế.</p>",
                        en="<p>Open 08:00 to 21:00, admission free. Businesses "
                        "wanting a stand should contact the Economic Zone "
                        "Authority.</p>",
                        zh="<p>开放时间08:00至21:00，免费入场。"
                        "企业如需报名展位，请联系经济区管理委员会。</p>",
                        lo="<p>ເປີດແຕ່ 08:00 ຫາ 21:00 ໂມງ, ເຂົ້າຊົມຟຣີ. "
                        "ວິສາຫະກິດທີ່ຕ້ອງການລົງທະບຽນຮ້ານວາງສະແດງ "
                        "ກະລຸນາຕິດຕໍ່ຄະນະຄຸ້ມຄອງເຂດເສດຖະກິດ.</p>",
                        km="<p>បើកពីម៉ោង ០៨:០០ ដល់ ២១:០០ ចូលទស្សនាដោយឥតគិតថ្លៃ។ "
                        "សហគ្រាសដែលចង់ចុះឈ្មោះស្តង់ "
                        "សូមទាក់ទងគណៈគ្រប់គ្រងតំបន់សេដ្ឋកិច្ច។</p>",
                    ),
                ),
            ]
        ),
    },
)

GONG_FESTIVAL = PageSpec(
    slug="le-hoi-van-hoa-cong-chieng",
    parent="su-kien",
    model="content.EventPage",
    agency="dept-information",
    hero="gong-festival",
    languages=("en", "zh-hans", "lo", "km", "bdq"),
    data={
        "category": "essential.economy",
        "start_date": DaysFromToday(45),
        "end_date": DaysFromToday(47),
    },
    text={
        "title": T(
            "Lễ hội văn hoá cồng chiêng",
            en="Gong Culture Festival",
            zh="锣钲文化节",
            lo="ບຸນວັດທະນະທຳຄ້ອງ",
            km="មហោស្រពវប្បធម៌គង",
            bdq="Ƀơ̆t ching chêng",
        ),
        "slug": "le-hoi-van-hoa-cong-chieng",
        "summary": T(
            "Ba ngày diễn tấu cồng chiêng, múa xoang và trình diễn nghề truyền "
            "thống của các dân tộc Ba Na, Xơ Đăng, Gia Rai.",
            en="Three days of gong music, xoang dancing and traditional crafts of "
            "the Bahnar, Sedang and Jarai peoples.",
            zh="为期三天，巴拿族、色当族、嘉莱族同胞演奏锣钲、跳雄舞并展示传统手工艺。",
            lo="ສາມມື້ຂອງການຕີຄ້ອງ, ຟ້ອນຊວາງ ແລະ ການສາທິດຫັດຖະກຳພື້ນເມືອງ "
            "ຂອງຊົນເຜົ່າບາໜາ, ເຊດັງ ແລະ ຢາລາຍ.",
            km="រយៈពេលបីថ្ងៃនៃការវាយគង ការរាំសួង "
            "និងការបង្ហាញសិប្បកម្មប្រពៃណីរបស់ជនជាតិបាណា សេដាំង និងចារ៉ាយ។",
            bdq="Pêng năr tơ̆k ching chêng, soang păng pơm tơmam kră "
            "kơ bơngai Bahnar, Xơ Đăng, Jrai.",
        ),
        "source_credit": T(
            "Sở Thông tin và Truyền thông tỉnh Kon Tum",
            en="Kon Tum Department of Information and Communications",
            zh="昆嵩省信息传媒厅",
            lo="ພະແນກຖະແຫຼງຂ່າວ ແລະ ການສື່ສານແຂວງກອນຕຸມ",
            km="មន្ទីរព័ត៌មាន និងទំនាក់ទំនងខេត្តកុនទុំ",
            bdq="Sở Thông tin păng Truyền thông Kon Tum",
        ),
        "venue": T(
            "Quảng trường 16/3, thành phố Kon Tum",
            en="16/3 Square, Kon Tum city",
            zh="昆嵩市3月16日广场",
            lo="ເດີ່ນ 16/3, ນະຄອນກອນຕຸມ",
            km="ទីលាន ១៦/៣ ក្រុងកុនទុំ",
            bdq="Quảng trường 16/3, pơlei kơng Kon Tum",
        ),
        "body": Stream(
            [
                (
                    "text",
                    T(
                        "<p>Không gian văn hoá cồng chiêng Tây Nguyên được "
                        "UNESCO công nhận là di sản văn hoá phi vật thể của "
                        "nhân loại năm 2005.</p>",
                        en="<p>UNESCO recognised the Space of Gong Culture of "
                        "the Central Highlands as Intangible Cultural Heritage "
                        "of Humanity in 2005.</p>",
                        zh="<p>西原锣钲文化空间于2005年被联合国教科文组织"
                        "列为人类非物质文化遗产。</p>",
                        lo="<p>ພື້ນທີ່ວັດທະນະທຳຄ້ອງ ເຂດພູພຽງພາກກາງ "
                        "ໄດ້ຮັບການຮັບຮອງຈາກອົງການ UNESCO "
                        "ເປັນມໍລະດົກວັດທະນະທຳທີ່ບໍ່ແມ່ນວັດຖຸຂອງມວນມະນຸດ ໃນປີ 2005.</p>",
                        km="<p>លំហវប្បធម៌គងនៃតំបន់ខ្ពង់រាបកណ្តាល "
                        "ត្រូវបានអង្គការយូណេស្កូទទួលស្គាល់ជាបេតិកភណ្ឌវប្បធម៌"
                        "អរូបីនៃមនុស្សជាតិ នៅឆ្នាំ ២០០៥។</p>",
                        bdq="<p>UNESCO hơ̆k ching chêng Tây Nguyên jing "
                        "di sản kơ dêh char lơ̆m sơnăm 2005.</p>",
                    ),
                ),
                (
                    "image",
                    {
                        "image": Img("gong-festival"),
                        "alt": T(
                            "Nghệ nhân đánh cồng chiêng trước nhà rông",
                            en="Gong players in front of a communal house",
                            zh="艺人在公共屋前演奏锣钲",
                            lo="ນັກສິລະປິນຕີຄ້ອງຢູ່ໜ້າເຮືອນໂຣງ",
                            km="សិល្បករវាយគងនៅមុខផ្ទះរ៉ុង",
                            bdq="Bơngai tơ̆k ching chêng ƀơ̆t hnam rông",
                        ),
                        "caption": "",
                    },
                ),
            ]
        ),
    },
)

PAGES = [TRADE_FAIR, GONG_FESTIVAL]
