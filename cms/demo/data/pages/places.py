"""Places to visit, with coordinates, addresses, hours, fees and photos."""

from ..markup import Img, PageSpec, Stream, T
from .common import ALL_DAYS, DAILY, hours_stream, period

FOUR = ("en", "zh-hans", "lo", "km")

OPENING_HOURS = T(
    "Giờ mở cửa",
    en="Opening hours",
    zh="开放时间",
    lo="ເວລາເປີດ",
    km="ម៉ោងបើក",
)


def image(key, alt, caption):
    return ("image", {"image": Img(key), "alt": alt, "caption": caption})


INDOCHINA_JUNCTION = PageSpec(
    slug="nga-ba-dong-duong",
    parent="diem-den",
    model="content.PlacePage",
    agency="ngoc-hoi-district",
    hero="indochina-junction",
    languages=FOUR,
    data={
        "category": "border_foreign",
        "place_kind": "sight",
        "latitude": "14.694700",
        "longitude": "107.557200",
    },
    text={
        "title": T(
            "Ngã ba Đông Dương",
            en="Indochina Junction",
            zh="印度支那三国交界点",
            lo="ສາມຫຼ່ຽມອິນດູຈີນ",
            km="ចំណុចប្រសព្វឥណ្ឌូចិន",
        ),
        "slug": "nga-ba-dong-duong",
        "summary": T(
            "Nơi biên giới ba nước Việt Nam, Lào và Campuchia gặp nhau.",
            en="Where the borders of Viet Nam, Laos and Cambodia meet.",
            zh="越南、老挝、柬埔寨三国边界交汇之处。",
            lo="ບ່ອນທີ່ຊາຍແດນຂອງສາມປະເທດ ຫວຽດນາມ, ລາວ ແລະ ກຳປູເຈຍ ມາບັນຈົບກັນ.",
            km="ទីកន្លែងដែលព្រំដែនបីប្រទេស វៀតណាម ឡាវ និងកម្ពុជា ជួបគ្នា។",
        ),
        "source_credit": T(
            "UBND huyện Ngọc Hồi",
            en="Ngọc Hồi District People's Committee",
            zh="玉回县人民委员会",
            lo="ຄະນະກຳມະການປະຊາຊົນເມືອງງອກໂຮຍ",
            km="គណៈកម្មាធិការប្រជាជនស្រុកង៉ុកហូយ",
        ),
        "address": T(
            "Xã Bờ Y, huyện Ngọc Hồi, tỉnh Kon Tum",
            en="Bờ Y commune, Ngọc Hồi district, Kon Tum province",
            zh="昆嵩省玉回县博伊乡",
            lo="ຕາແສງບໍອີ, ເມືອງງອກໂຮຍ, ແຂວງກອນຕຸມ",
            km="ឃុំបរអ៊ី ស្រុកង៉ុកហូយ ខេត្តកុនទុំ",
        ),
        "opening_hours": hours_stream(
            OPENING_HOURS, period(ALL_DAYS, "07:00", "17:00", DAILY)
        ),
        "fees": T(
            "Miễn phí. Đăng ký với Đồn Biên phòng trước khi lên cột mốc.",
            en="Free. Register with the Border Guard post before walking up to "
            "the marker.",
            zh="免费参观。登上界碑前请先到边防站登记。",
            lo="ບໍ່ເສຍຄ່າ. ກະລຸນາລົງທະບຽນກັບປ້ອມປ້ອງກັນຊາຍແດນ ກ່ອນຂຶ້ນໄປຫຼັກໝາຍ.",
            km="ឥតគិតថ្លៃ។ សូមចុះឈ្មោះនៅប៉ុស្តិ៍ការពារព្រំដែន មុនពេលឡើងទៅបង្គោលព្រំដែន។",
        ),
        "body": Stream(
            [
                (
                    "text",
                    T(
                        "<p>Cột mốc ba biên giới đứng trên đỉnh núi, từ đây có "
                        "thể nhìn sang lãnh thổ cả ba nước. Đường lên có bậc "
                        "thang, đi bộ khoảng 30 phút.</p>",
                        en="<p>The tri-border marker stands on a hilltop with a "
                        "view over all three countries. Steps lead up; the walk "
                        "takes about 30 minutes.</p>",
                        zh="<p>三国界碑矗立在山顶，可眺望三国领土。"
                        "有台阶通往山顶，步行约30分钟。</p>",
                        lo="<p>ຫຼັກໝາຍສາມຊາຍແດນຕັ້ງຢູ່ເທິງຈອມພູ, ຈາກບ່ອນນີ້ສາມາດ"
                        "ເບິ່ງເຫັນດິນແດນຂອງທັງສາມປະເທດ. ມີຂັ້ນໄດຂຶ້ນໄປ, "
                        "ຍ່າງປະມານ 30 ນາທີ.</p>",
                        km="<p>បង្គោលព្រំដែនបីប្រទេសស្ថិតនៅលើកំពូលភ្នំ "
                        "ពីទីនេះអាចមើលឃើញទឹកដីទាំងបីប្រទេស។ មានជណ្តើរឡើងទៅ "
                        "ដើរប្រហែល ៣០ នាទី។</p>",
                    ),
                ),
                image(
                    "indochina-junction",
                    T(
                        "Cột mốc ba biên giới trên đỉnh núi",
                        en="The tri-border marker on the hilltop",
                        zh="山顶上的三国界碑",
                        lo="ຫຼັກໝາຍສາມຊາຍແດນເທິງຈອມພູ",
                        km="បង្គោលព្រំដែនបីប្រទេសនៅលើកំពូលភ្នំ",
                    ),
                    T(
                        "Cột mốc ngã ba Đông Dương",
                        en="Indochina Junction marker",
                        zh="印度支那三国交界碑",
                        lo="ຫຼັກໝາຍສາມຫຼ່ຽມອິນດູຈີນ",
                        km="បង្គោលចំណុចប្រសព្វឥណ្ឌូចិន",
                    ),
                ),
            ]
        ),
    },
)

MANG_DEN = PageSpec(
    slug="mang-den",
    parent="diem-den",
    model="content.PlacePage",
    agency="dept-information",
    hero="mang-den",
    languages=FOUR,
    data={
        "category": "essential.travel",
        "place_kind": "nature",
        "latitude": "14.606400",
        "longitude": "108.282500",
    },
    text={
        "title": T(
            "Khu du lịch Măng Đen",
            en="Măng Đen",
            zh="芒登旅游区",
            lo="ເຂດທ່ອງທ່ຽວມັງແດນ",
            km="តំបន់ទេសចរណ៍ម៉ាំងដែន",
        ),
        "slug": "mang-den",
        "summary": T(
            "Cao nguyên thông xanh ở độ cao khoảng 1.200 m, khí hậu mát quanh năm.",
            en="A pine-covered plateau about 1,200 m high, cool all year round.",
            zh="海拔约1200米的松林高原，四季气候凉爽。",
            lo="ພູພຽງປ່າແປກ ສູງປະມານ 1.200 ແມັດ, ອາກາດເຢັນສະບາຍຕະຫຼອດປີ.",
            km="ខ្ពង់រាបព្រៃស្រល់ កម្ពស់ប្រហែល ១២០០ ម៉ែត្រ អាកាសធាតុត្រជាក់ពេញមួយឆ្នាំ។",
        ),
        "source_credit": T(
            "Sở Thông tin và Truyền thông tỉnh Kon Tum",
            en="Kon Tum Department of Information and Communications",
            zh="昆嵩省信息传媒厅",
            lo="ພະແນກຖະແຫຼງຂ່າວ ແລະ ການສື່ສານແຂວງກອນຕຸມ",
            km="មន្ទីរព័ត៌មាន និងទំនាក់ទំនងខេត្តកុនទុំ",
        ),
        "address": T(
            "Thị trấn Măng Đen, huyện Kon Plông, tỉnh Kon Tum",
            en="Măng Đen town, Kon Plông district, Kon Tum province",
            zh="昆嵩省昆普隆县芒登镇",
            lo="ເທດສະບານມັງແດນ, ເມືອງກອນປົງ, ແຂວງກອນຕຸມ",
            km="ក្រុងម៉ាំងដែន ស្រុកកុនផ្លុង ខេត្តកុនទុំ",
        ),
        "opening_hours": hours_stream(
            OPENING_HOURS,
            period(
                ALL_DAYS,
                note=T(
                    "Mở cửa cả ngày",
                    en="Open all day",
                    zh="全天开放",
                    lo="ເປີດໝົດມື້",
                    km="បើកពេញមួយថ្ងៃ",
                ),
            ),
        ),
        "fees": T(
            "Tham quan thị trấn miễn phí; một số thác và khu sinh thái thu vé "
            "từ 20.000 đồng/người.",
            en="The town is free to visit; some waterfalls and eco-parks charge "
            "from VND 20,000 per person.",
            zh="镇区免费参观；部分瀑布和生态园区门票每人2万越南盾起。",
            lo="ທ່ຽວຊົມເທດສະບານບໍ່ເສຍຄ່າ; ນ້ຳຕົກ ແລະ ເຂດນິເວດບາງແຫ່ງເກັບຄ່າປີ້ ແຕ່ 20.000 ດົ່ງ/ຄົນ.",
            km="ការទស្សនាក្រុងគឺឥតគិតថ្លៃ; ទឹកធ្លាក់ និងឧទ្យានអេកូមួយចំនួន"
            "គិតថ្លៃចាប់ពី ២០.០០០ ដុង ក្នុងម្នាក់។",
        ),
        "body": Stream(
            [
                (
                    "text",
                    T(
                        "<p>Măng Đen có rừng thông, hồ nước và nhiều thác như "
                        "Pa Sỹ, Đắk Ke. Nên mang áo ấm vì buổi tối trời lạnh.</p>",
                        en="<p>Măng Đen has pine forests, lakes and waterfalls "
                        "such as Pa Sỹ and Đắk Ke. Bring a warm layer: evenings "
                        "are cold.</p>",
                        zh="<p>芒登有松林、湖泊以及巴西、达克克等瀑布。"
                        "晚上气温较低，请带上保暖衣物。</p>",
                        lo="<p>ມັງແດນມີປ່າແປກ, ໜອງນ້ຳ ແລະ ນ້ຳຕົກຫຼາຍແຫ່ງ ເຊັ່ນ "
                        "ປາຊີ ແລະ ດັກເກ. ຄວນເອົາເສື້ອກັນໜາວໄປນຳ "
                        "ເພາະຕອນແລງອາກາດໜາວ.</p>",
                        km="<p>ម៉ាំងដែនមានព្រៃស្រល់ បឹង និងទឹកធ្លាក់ជាច្រើនដូចជា "
                        "ប៉ាស៊ី និងដាក់កេ។ គួរយកអាវរងារទៅជាមួយ "
                        "ព្រោះពេលល្ងាចអាកាសធាតុត្រជាក់។</p>",
                    ),
                ),
            ]
        ),
    },
)

KON_KLOR = PageSpec(
    slug="nha-rong-kon-klor",
    parent="diem-den",
    model="content.PlacePage",
    agency="dept-information",
    hero="kon-klor",
    languages=FOUR,
    data={
        "category": "essential.travel",
        "place_kind": "heritage",
        "latitude": "14.354300",
        "longitude": "108.018900",
    },
    text={
        "title": T(
            "Nhà rông Kon Klor và sông Đắk Bla",
            en="Kon Klor communal house and the Đắk Bla river",
            zh="昆克罗高脚公共屋与达克布拉河",
            lo="ເຮືອນໂຣງກອນກລໍ ແລະ ແມ່ນ້ຳດັກບລາ",
            km="ផ្ទះរ៉ុងកុនក្លរ និងទន្លេដាក់ប្លា",
        ),
        "slug": "nha-rong-kon-klor",
        "summary": T(
            "Nhà rông mái cao của người Ba Na bên cầu treo Kon Klor bắc qua sông "
            "Đắk Bla.",
            en="A tall-roofed Bahnar communal house beside the Kon Klor suspension "
            "bridge over the Đắk Bla river.",
            zh="巴拿族高顶公共屋，毗邻横跨达克布拉河的昆克罗吊桥。",
            lo="ເຮືອນໂຣງຫຼັງຄາສູງຂອງຊົນເຜົ່າບາໜາ ຢູ່ຂ້າງຂົວແຂວນກອນກລໍ ທີ່ຂ້າມແມ່ນ້ຳດັກບລາ.",
            km="ផ្ទះរ៉ុងដំបូលខ្ពស់របស់ជនជាតិបាណា នៅក្បែរស្ពានព្យួរកុនក្លរ ឆ្លងកាត់ទន្លេដាក់ប្លា។",
        ),
        "source_credit": T(
            "Sở Thông tin và Truyền thông tỉnh Kon Tum",
            en="Kon Tum Department of Information and Communications",
            zh="昆嵩省信息传媒厅",
            lo="ພະແນກຖະແຫຼງຂ່າວ ແລະ ການສື່ສານແຂວງກອນຕຸມ",
            km="មន្ទីរព័ត៌មាន និងទំនាក់ទំនងខេត្តកុនទុំ",
        ),
        "address": T(
            "Phường Thắng Lợi, thành phố Kon Tum",
            en="Thắng Lợi ward, Kon Tum city",
            zh="昆嵩市胜利坊",
            lo="ບ້ານທັງເລີຍ, ນະຄອນກອນຕຸມ",
            km="សង្កាត់ថាំងឡើយ ក្រុងកុនទុំ",
        ),
        "opening_hours": hours_stream(
            OPENING_HOURS, period(ALL_DAYS, "07:00", "17:00", DAILY)
        ),
        "fees": T(
            "Miễn phí.",
            en="Free.",
            zh="免费。",
            lo="ບໍ່ເສຍຄ່າ.",
            km="ឥតគិតថ្លៃ។",
        ),
        "body": Stream(
            [
                (
                    "text",
                    T(
                        "<p>Nhà rông là nơi dân làng hội họp và tổ chức lễ hội. "
                        "Xin phép trước khi lên nhà rông và không chạm vào đồ "
                        "thờ cúng.</p>",
                        en="<p>The communal house is where the village meets and "
                        "holds its festivals. Ask before going up into it and do "
                        "not touch ritual objects.</p>",
                        zh="<p>公共屋是村民议事和举行节庆的地方。"
                        "进入前请先征得同意，不要触碰祭祀物品。</p>",
                        lo="<p>ເຮືອນໂຣງແມ່ນບ່ອນທີ່ຊາວບ້ານມາປະຊຸມ ແລະ ຈັດງານບຸນ. "
                        "ກະລຸນາຂໍອະນຸຍາດກ່ອນຂຶ້ນເຮືອນ ແລະ ບໍ່ແຕະຕ້ອງເຄື່ອງບູຊາ.</p>",
                        km="<p>ផ្ទះរ៉ុងគឺជាកន្លែងដែលអ្នកភូមិជួបប្រជុំ និងរៀបចំពិធីបុណ្យ។ "
                        "សូមសុំការអនុញ្ញាតមុនពេលឡើងលើផ្ទះ "
                        "ហើយកុំប៉ះពាល់វត្ថុសក្ការៈ។</p>",
                    ),
                ),
                image(
                    "dak-bla",
                    T(
                        "Cầu treo Kon Klor bắc qua sông Đắk Bla lúc hoàng hôn",
                        en="The Kon Klor suspension bridge over the Đắk Bla "
                        "river at sunset",
                        zh="夕阳下横跨达克布拉河的昆克罗吊桥",
                        lo="ຂົວແຂວນກອນກລໍ ຂ້າມແມ່ນ້ຳດັກບລາ ຕອນຕາເວັນຕົກດິນ",
                        km="ស្ពានព្យួរកុនក្លរឆ្លងកាត់ទន្លេដាក់ប្លា ពេលថ្ងៃលិច",
                    ),
                    T(
                        "Sông Đắk Bla",
                        en="The Đắk Bla river",
                        zh="达克布拉河",
                        lo="ແມ່ນ້ຳດັກບລາ",
                        km="ទន្លេដាក់ប្លា",
                    ),
                ),
            ]
        ),
    },
)

WOODEN_CHURCH = PageSpec(
    slug="nha-tho-go-kon-tum",
    parent="diem-den",
    model="content.PlacePage",
    agency="dept-information",
    hero="wooden-church",
    clusters=("bo-y",),
    languages=("en", "zh-hans", "lo"),
    data={
        "category": "essential.travel",
        "place_kind": "heritage",
        "latitude": "14.349700",
        "longitude": "108.008000",
    },
    text={
        "title": T(
            "Nhà thờ gỗ Kon Tum",
            en="Kon Tum Wooden Church",
            zh="昆嵩木教堂",
            lo="ໂບດໄມ້ກອນຕຸມ",
        ),
        "slug": "nha-tho-go-kon-tum",
        "summary": T(
            "Nhà thờ bằng gỗ cà chít xây từ năm 1913, kết hợp kiến trúc Roman "
            "và nhà sàn Ba Na.",
            en="A church built of hardwood from 1913, blending Romanesque style "
            "with Bahnar stilt-house design.",
            zh="始建于1913年的硬木教堂，融合了罗马式风格与巴拿族高脚屋建筑特色。",
            lo="ໂບດທີ່ສ້າງດ້ວຍໄມ້ເນື້ອແຂງ ຕັ້ງແຕ່ປີ 1913, ປະສົມປະສານສະຖາປັດຕະຍະກຳ"
            "ແບບໂຣມັນ ກັບ ເຮືອນຮ້ານຂອງຊົນເຜົ່າບາໜາ.",
        ),
        "source_credit": T(
            "Sở Thông tin và Truyền thông tỉnh Kon Tum",
            en="Kon Tum Department of Information and Communications",
            zh="昆嵩省信息传媒厅",
            lo="ພະແນກຖະແຫຼງຂ່າວ ແລະ ການສື່ສານແຂວງກອນຕຸມ",
        ),
        "address": T(
            "92 Nguyễn Huệ, phường Thắng Lợi, thành phố Kon Tum",
            en="92 Nguyễn Huệ street, Thắng Lợi ward, Kon Tum city",
            zh="昆嵩市胜利坊阮惠街92号",
            lo="ເລກທີ 92 ຖະໜົນຫງວຽນເຫ້ວ, ບ້ານທັງເລີຍ, ນະຄອນກອນຕຸມ",
        ),
        "opening_hours": hours_stream(
            OPENING_HOURS,
            period(
                ["mon", "tue", "wed", "thu", "fri", "sat"],
                "08:00",
                "11:00",
            ),
            period(
                ["mon", "tue", "wed", "thu", "fri", "sat"],
                "13:30",
                "17:00",
            ),
            period(
                ["sun"],
                closed=True,
                note=T(
                    "Chủ nhật chỉ vào dự lễ",
                    en="On Sundays for Mass only",
                    zh="周日仅限参加弥撒",
                    lo="ວັນອາທິດ ເຂົ້າໄດ້ສະເພາະຮ່ວມພິທີມິດສາ",
                ),
            ),
        ),
        "fees": T(
            "Miễn phí. Ăn mặc lịch sự và giữ yên lặng.",
            en="Free. Dress modestly and keep quiet.",
            zh="免费参观。请着装得体，保持安静。",
            lo="ບໍ່ເສຍຄ່າ. ກະລຸນານຸ່ງຖືສຸພາບ ແລະ ຮັກສາຄວາມງຽບ.",
        ),
        "body": Stream(
            [
                (
                    "text",
                    T(
                        "<p>Nhà thờ do các nhà truyền giáo người Pháp xây dựng, "
                        "toàn bộ khung và vách làm bằng gỗ. Trong khuôn viên có "
                        "nhà rông và xưởng dệt thổ cẩm.</p>",
                        en="<p>French missionaries built the church with a frame "
                        "and walls entirely of wood. The grounds include a "
                        "communal house and a brocade-weaving workshop.</p>",
                        zh="<p>教堂由法国传教士修建，框架和墙壁全部为木制。"
                        "园内还有公共屋和织锦作坊。</p>",
                        lo="<p>ໂບດແຫ່ງນີ້ສ້າງໂດຍນັກສອນສາສະໜາຊາວຝຣັ່ງ, "
                        "ໂຄງ ແລະ ຝາທັງໝົດເຮັດດ້ວຍໄມ້. "
                        "ພາຍໃນບໍລິເວນມີເຮືອນໂຣງ ແລະ ໂຮງທໍຜ້າພື້ນເມືອງ.</p>",
                    ),
                ),
            ]
        ),
    },
)

PAGES = [INDOCHINA_JUNCTION, MANG_DEN, KON_KLOR, WOODEN_CHURCH]
