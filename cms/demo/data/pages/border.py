"""The border-gate section: the Bờ Y gate and entry/exit procedures."""

from ..markup import PageSpec, Stream, T
from .common import ALL_DAYS, DAILY, hours_stream, period

BO_Y_GATE = PageSpec(
    slug="cua-khau-quoc-te-bo-y",
    parent="cua-khau",
    model="content.BorderProcedurePage",
    agency="border-guard",
    hero="bo-y-gate",
    clusters=("bo-y",),
    languages=("en", "zh-hans", "lo"),
    data={"category": "border_rules"},
    text={
        "title": T(
            "Cửa khẩu quốc tế Bờ Y",
            en="Bờ Y International Border Gate",
            zh="博伊国际口岸",
            lo="ດ່ານສາກົນບໍອີ",
        ),
        "slug": "cua-khau-quoc-te-bo-y",
        "summary": T(
            "Cửa khẩu quốc tế Bờ Y (huyện Ngọc Hồi) nối Kon Tum với tỉnh Attapeu "
            "của Lào, làm việc hằng ngày từ 07:00 đến 19:00.",
            en="Bờ Y International Border Gate (Ngọc Hồi district) links Kon Tum "
            "with Attapeu province in Laos and is open every day from 07:00 to "
            "19:00.",
            zh="博伊国际口岸位于玉回县，连接昆嵩省与老挝阿速坡省，"
            "每天07:00至19:00开放。",
            lo="ດ່ານສາກົນບໍອີ (ເມືອງງອກໂຮຍ) ເຊື່ອມຕໍ່ແຂວງກອນຕຸມ ກັບ ແຂວງອັດຕະປື "
            "ຂອງລາວ, ເປີດບໍລິການທຸກມື້ ແຕ່ເວລາ 07:00 ຫາ 19:00 ໂມງ.",
        ),
        "source_credit": T(
            "Đồn Biên phòng Cửa khẩu quốc tế Bờ Y",
            en="Bờ Y International Border Gate Border Guard Post",
            zh="博伊国际口岸边防站",
            lo="ປ້ອມປ້ອງກັນຊາຍແດນ ດ່ານສາກົນບໍອີ",
        ),
        "gate_name": T(
            "Bờ Y (Việt Nam) – Phu Cưa (Lào)",
            en="Bờ Y (Viet Nam) – Phou Keua (Laos)",
            zh="博伊（越南）— 普格（老挝）",
            lo="ບໍອີ (ຫວຽດນາມ) – ພູເກືອ (ລາວ)",
        ),
        "documents_needed": T(
            "<ul><li>Hộ chiếu còn hạn ít nhất 6 tháng, hoặc giấy thông hành "
            "biên giới đối với công dân Việt Nam và Lào.</li>"
            "<li>Thị thực hoặc thị thực điện tử đối với người nước ngoài "
            "chưa được miễn thị thực.</li>"
            "<li>Giấy đăng ký xe, giấy phép lái xe và giấy phép liên vận "
            "khi đi bằng xe riêng.</li></ul>",
            en="<ul><li>A passport valid for at least 6 more months, or a border "
            "pass for citizens of Viet Nam and Laos.</li>"
            "<li>A visa or e-visa for foreigners who are not visa-exempt.</li>"
            "<li>Vehicle registration, driving licence and cross-border transport "
            "permit if you travel by your own vehicle.</li></ul>",
            zh="<ul><li>有效期不少于6个月的护照；越南和老挝公民也可持边境通行证。</li>"
            "<li>未获免签的外国人须持签证或电子签证。</li>"
            "<li>自驾车辆须携带车辆登记证、驾驶证及国际联运许可证。</li></ul>",
            lo="<ul><li>ໜັງສືຜ່ານແດນທີ່ຍັງມີອາຍຸຢ່າງໜ້ອຍ 6 ເດືອນ, ຫຼື "
            "ບັດຜ່ານແດນສຳລັບພົນລະເມືອງຫວຽດນາມ ແລະ ລາວ.</li>"
            "<li>ວີຊາ ຫຼື ວີຊາເອເລັກໂຕຣນິກ ສຳລັບຄົນຕ່າງປະເທດທີ່ບໍ່ໄດ້ຮັບການຍົກເວັ້ນ.</li>"
            "<li>ໃບທະບຽນລົດ, ໃບຂັບຂີ່ ແລະ ໃບອະນຸຍາດຂົນສົ່ງຂ້າມແດນ "
            "ເມື່ອເດີນທາງດ້ວຍລົດສ່ວນຕົວ.</li></ul>",
        ),
        "gate_hours": hours_stream(
            T(
                "Giờ làm việc",
                en="Opening hours",
                zh="开放时间",
                lo="ເວລາເຮັດວຽກ",
            ),
            period(ALL_DAYS, "07:00", "19:00", DAILY),
        ),
        "fees": T(
            "<ul><li>Lệ phí thị thực và thị thực điện tử theo biểu phí của "
            "Bộ Tài chính.</li>"
            "<li>Phí sử dụng hạ tầng khu vực cửa khẩu đối với xe chở hàng; "
            "mức phí niêm yết tại nhà kiểm soát liên hợp.</li></ul>",
            en="<ul><li>Visa and e-visa fees follow the Ministry of Finance's "
            "fee schedule.</li>"
            "<li>Goods vehicles pay an infrastructure fee for the gate area; the "
            "rates are posted in the joint inspection building.</li></ul>",
            zh="<ul><li>签证及电子签证费用按越南财政部收费标准执行。</li>"
            "<li>货车须缴纳口岸区域基础设施使用费，收费标准张贴于联合检查楼。</li></ul>",
            lo="<ul><li>ຄ່າທຳນຽມວີຊາ ແລະ ວີຊາເອເລັກໂຕຣນິກ "
            "ຕາມລະບຽບຂອງກະຊວງການເງິນ.</li>"
            "<li>ລົດບັນທຸກສິນຄ້າຕ້ອງເສຍຄ່າທຳນຽມນຳໃຊ້ພື້ນຖານໂຄງລ່າງເຂດດ່ານ; "
            "ອັດຕາຄ່າທຳນຽມຕິດປະກາດຢູ່ອາຄານກວດກາລວມ.</li></ul>",
        ),
        "where_to_go": T(
            "<ol><li>Vào nhà kiểm soát liên hợp, xuất trình giấy tờ tại quầy "
            "Biên phòng.</li>"
            "<li>Khai báo hải quan nếu mang hàng hoá hoặc ngoại tệ vượt mức "
            "quy định.</li>"
            "<li>Qua khu kiểm dịch y tế, rồi sang Trạm kiểm soát Phu Cưa của "
            "Lào.</li></ol>",
            en="<ol><li>Enter the joint inspection building and show your papers "
            "at the Border Guard counter.</li>"
            "<li>Declare at customs if you carry goods or foreign currency above "
            "the allowance.</li>"
            "<li>Pass the health quarantine area, then continue to the Lao "
            "checkpoint at Phou Keua.</li></ol>",
            zh="<ol><li>进入联合检查楼，在边防柜台出示证件。</li>"
            "<li>携带货物或外币超过规定限额的，须向海关申报。</li>"
            "<li>通过卫生检疫区后，前往老挝普格检查站。</li></ol>",
            lo="<ol><li>ເຂົ້າອາຄານກວດກາລວມ ແລະ ສະແດງເອກະສານຢູ່ຫ້ອງການປ້ອງກັນຊາຍແດນ.</li>"
            "<li>ແຈ້ງພາສີ ຖ້າມີສິນຄ້າ ຫຼື ເງິນຕາຕ່າງປະເທດເກີນກຳນົດ.</li>"
            "<li>ຜ່ານຈຸດກວດພະຍາດ, ແລ້ວຈຶ່ງໄປດ່ານກວດກາພູເກືອ ຂອງລາວ.</li></ol>",
        ),
        "body": Stream(
            [
                (
                    "contact",
                    {
                        "name": T(
                            "Đồn Biên phòng Cửa khẩu quốc tế Bờ Y",
                            en="Bờ Y International Border Gate Border Guard Post",
                            zh="博伊国际口岸边防站",
                            lo="ປ້ອມປ້ອງກັນຊາຍແດນ ດ່ານສາກົນບໍອີ",
                        ),
                        "role": T(
                            "Kiểm soát xuất nhập cảnh",
                            en="Immigration control",
                            zh="出入境检查",
                            lo="ກວດກາການເຂົ້າ-ອອກເມືອງ",
                        ),
                        "phone": "0260 3 835 113",
                        "email": "bienphong@kontum-demo.example",
                        "address": T(
                            "Xã Bờ Y, huyện Ngọc Hồi, tỉnh Kon Tum",
                            en="Bờ Y commune, Ngọc Hồi district, Kon Tum province",
                            zh="昆嵩省玉回县博伊乡",
                            lo="ຕາແສງບໍອີ, ເມືອງງອກໂຮຍ, ແຂວງກອນຕຸມ",
                        ),
                    },
                ),
            ]
        ),
    },
)

PROCEDURES = PageSpec(
    slug="thu-tuc-xuat-nhap-canh",
    parent="cua-khau",
    model="content.BorderProcedurePage",
    agency="police",
    clusters=("bo-y", "le-thanh"),
    languages=("en", "zh-hans", "lo", "km"),
    data={"category": "essential.travel"},
    text={
        "title": T(
            "Thủ tục xuất cảnh, nhập cảnh",
            en="Entry and exit procedures",
            zh="出入境手续",
            lo="ຂັ້ນຕອນການເຂົ້າ-ອອກເມືອງ",
            km="នីតិវិធីចេញ និងចូលប្រទេស",
        ),
        "slug": "thu-tuc-xuat-nhap-canh",
        "summary": T(
            "Giấy tờ cần có khi qua cửa khẩu đối với công dân Việt Nam, Lào, "
            "Campuchia và công dân nước thứ ba.",
            en="The papers you need to cross the border as a citizen of Viet Nam, "
            "Laos, Cambodia or another country.",
            zh="越南、老挝、柬埔寨公民及第三国公民过境所需证件。",
            lo="ເອກະສານທີ່ຕ້ອງມີເມື່ອຜ່ານດ່ານ ສຳລັບພົນລະເມືອງຫວຽດນາມ, ລາວ, ກຳປູເຈຍ ແລະ ປະເທດທີສາມ.",
            km="ឯកសារដែលត្រូវមាននៅពេលឆ្លងកាត់ច្រកព្រំដែន សម្រាប់ពលរដ្ឋវៀតណាម ឡាវ "
            "កម្ពុជា និងពលរដ្ឋប្រទេសទីបី។",
        ),
        "source_credit": T(
            "Phòng Quản lý xuất nhập cảnh, Công an tỉnh Kon Tum",
            en="Immigration Office, Kon Tum Provincial Police",
            zh="昆嵩省公安厅出入境管理处",
            lo="ພະແນກຄຸ້ມຄອງການເຂົ້າ-ອອກເມືອງ, ກອງບັນຊາການປ້ອງກັນຄວາມສະຫງົບແຂວງກອນຕຸມ",
            km="ការិយាល័យគ្រប់គ្រងអន្តោប្រវេសន៍ ស្នងការដ្ឋាននគរបាលខេត្តកុនទុំ",
        ),
        "gate_name": T(
            "Cửa khẩu quốc tế Bờ Y và Lệ Thanh",
            en="Bờ Y and Lệ Thanh international border gates",
            zh="博伊国际口岸和礼青国际口岸",
            lo="ດ່ານສາກົນບໍອີ ແລະ ເລແທັງ",
            km="ច្រកអន្តរជាតិបរអ៊ី និងឡេថាញ់",
        ),
        "documents_needed": T(
            "<p><b>Công dân Việt Nam:</b> hộ chiếu phổ thông còn hạn, hoặc giấy "
            "thông hành biên giới do cơ quan Công an cấp.</p>"
            "<p><b>Công dân Lào và Campuchia:</b> hộ chiếu còn hạn hoặc giấy "
            "thông hành biên giới; được miễn thị thực đến 30 ngày.</p>"
            "<p><b>Công dân nước thứ ba:</b> hộ chiếu còn hạn ít nhất 6 tháng và "
            "thị thực Việt Nam, trừ khi thuộc diện miễn thị thực.</p>"
            "<p><b>Thị thực điện tử:</b> đề nghị trực tuyến tại evisa.gov.vn "
            "trước chuyến đi, in hoặc lưu bản thị thực để xuất trình; xem danh "
            "sách cửa khẩu chấp nhận thị thực điện tử trên trang này.</p>",
            en="<p><b>Vietnamese citizens:</b> a valid ordinary passport, or a "
            "border pass issued by the police.</p>"
            "<p><b>Lao and Cambodian citizens:</b> a valid passport or border pass; "
            "no visa is needed for stays of up to 30 days.</p>"
            "<p><b>Citizens of other countries:</b> a passport valid for at least "
            "6 more months and a Vietnamese visa, unless visa-exempt.</p>"
            "<p><b>E-visa:</b> apply online at evisa.gov.vn before you travel and "
            "print or save the visa to show; the same site lists the gates that "
            "accept e-visas.</p>",
            zh="<p><b>越南公民：</b>有效普通护照，或公安机关签发的边境通行证。</p>"
            "<p><b>老挝和柬埔寨公民：</b>有效护照或边境通行证；停留30天以内免签。</p>"
            "<p><b>第三国公民：</b>有效期不少于6个月的护照及越南签证，"
            "免签人员除外。</p>"
            "<p><b>电子签证：</b>请在出行前登录 evisa.gov.vn 在线申请，"
            "并打印或保存签证以备查验；该网站列有接受电子签证的口岸名单。</p>",
            lo="<p><b>ພົນລະເມືອງຫວຽດນາມ:</b> ໜັງສືຜ່ານແດນທົ່ວໄປທີ່ຍັງມີອາຍຸ, "
            "ຫຼື ບັດຜ່ານແດນທີ່ອອກໂດຍເຈົ້າໜ້າທີ່ຕຳຫຼວດ.</p>"
            "<p><b>ພົນລະເມືອງລາວ ແລະ ກຳປູເຈຍ:</b> ໜັງສືຜ່ານແດນ ຫຼື ບັດຜ່ານແດນທີ່ຍັງມີອາຍຸ; "
            "ໄດ້ຮັບການຍົກເວັ້ນວີຊາບໍ່ເກີນ 30 ວັນ.</p>"
            "<p><b>ພົນລະເມືອງປະເທດທີສາມ:</b> ໜັງສືຜ່ານແດນທີ່ມີອາຍຸຢ່າງໜ້ອຍ 6 ເດືອນ "
            "ແລະ ວີຊາຫວຽດນາມ, ຍົກເວັ້ນຜູ້ທີ່ໄດ້ຮັບການຍົກເວັ້ນວີຊາ.</p>"
            "<p><b>ວີຊາເອເລັກໂຕຣນິກ:</b> ຍື່ນຄຳຮ້ອງທາງອອນລາຍທີ່ evisa.gov.vn "
            "ກ່ອນເດີນທາງ, ພິມ ຫຼື ບັນທຶກວີຊາໄວ້ເພື່ອສະແດງ; "
            "ເວັບໄຊດັ່ງກ່າວມີລາຍຊື່ດ່ານທີ່ຮັບວີຊາເອເລັກໂຕຣນິກ.</p>",
            km="<p><b>ពលរដ្ឋវៀតណាម៖</b> លិខិតឆ្លងដែនធម្មតាដែលនៅមានសុពលភាព "
            "ឬលិខិតអនុញ្ញាតឆ្លងដែនដែលចេញដោយនគរបាល។</p>"
            "<p><b>ពលរដ្ឋឡាវ និងកម្ពុជា៖</b> លិខិតឆ្លងដែន ឬលិខិតអនុញ្ញាតឆ្លងដែន"
            "ដែលនៅមានសុពលភាព; រួចពីទិដ្ឋាការរហូតដល់ ៣០ ថ្ងៃ។</p>"
            "<p><b>ពលរដ្ឋប្រទេសទីបី៖</b> លិខិតឆ្លងដែនដែលនៅមានសុពលភាពយ៉ាងតិច ៦ ខែ "
            "និងទិដ្ឋាការវៀតណាម លើកលែងតែអ្នកដែលរួចពីទិដ្ឋាការ។</p>"
            "<p><b>ទិដ្ឋាការអេឡិចត្រូនិក៖</b> ដាក់ពាក្យតាមអនឡាញនៅ evisa.gov.vn "
            "មុនពេលធ្វើដំណើរ ហើយបោះពុម្ព ឬរក្សាទុកទិដ្ឋាការដើម្បីបង្ហាញ; "
            "គេហទំព័រនេះមានបញ្ជីច្រកដែលទទួលយកទិដ្ឋាការអេឡិចត្រូនិក។</p>",
        ),
        "gate_hours": hours_stream(
            T(
                "Giờ làm việc",
                en="Opening hours",
                zh="开放时间",
                lo="ເວລາເຮັດວຽກ",
                km="ម៉ោងធ្វើការ",
            ),
            period(
                ALL_DAYS,
                "07:00",
                "19:00",
                T(
                    "Cửa khẩu Bờ Y",
                    en="Bờ Y gate",
                    zh="博伊口岸",
                    lo="ດ່ານບໍອີ",
                    km="ច្រកបរអ៊ី",
                ),
            ),
            period(
                ALL_DAYS,
                "07:00",
                "17:00",
                T(
                    "Cửa khẩu Lệ Thanh",
                    en="Lệ Thanh gate",
                    zh="礼青口岸",
                    lo="ດ່ານເລແທັງ",
                    km="ច្រកឡេថាញ់",
                ),
            ),
        ),
        "fees": T(
            "<ul><li>Thị thực điện tử: 25 USD (một lần) hoặc 50 USD (nhiều "
            "lần).</li>"
            "<li>Giấy thông hành biên giới: theo biểu phí của Bộ Tài chính.</li>"
            "</ul>",
            en="<ul><li>E-visa: USD 25 (single entry) or USD 50 (multiple "
            "entry).</li>"
            "<li>Border pass: according to the Ministry of Finance's fee "
            "schedule.</li></ul>",
            zh="<ul><li>电子签证：单次入境25美元，多次入境50美元。</li>"
            "<li>边境通行证：按越南财政部收费标准。</li></ul>",
            lo="<ul><li>ວີຊາເອເລັກໂຕຣນິກ: 25 ໂດລາສະຫະລັດ (ເຂົ້າເທື່ອດຽວ) "
            "ຫຼື 50 ໂດລາສະຫະລັດ (ເຂົ້າຫຼາຍເທື່ອ).</li>"
            "<li>ບັດຜ່ານແດນ: ຕາມອັດຕາຄ່າທຳນຽມຂອງກະຊວງການເງິນ.</li></ul>",
            km="<ul><li>ទិដ្ឋាការអេឡិចត្រូនិក៖ ២៥ ដុល្លារអាមេរិក (ចូលម្តង) "
            "ឬ ៥០ ដុល្លារអាមេរិក (ចូលច្រើនដង)។</li>"
            "<li>លិខិតអនុញ្ញាតឆ្លងដែន៖ តាមតារាងតម្លៃរបស់ក្រសួងហិរញ្ញវត្ថុ។</li></ul>",
        ),
        "where_to_go": T(
            "<ol><li>Xếp hàng tại quầy kiểm soát xuất nhập cảnh.</li>"
            "<li>Xuất trình giấy tờ; khai báo hải quan nếu cần.</li>"
            "<li>Giữ giấy tờ bên mình cho đến khi ra khỏi khu vực cửa khẩu.</li>"
            "</ol>",
            en="<ol><li>Queue at the immigration counter.</li>"
            "<li>Show your papers; declare at customs if needed.</li>"
            "<li>Keep your papers with you until you leave the gate area.</li></ol>",
            zh="<ol><li>在出入境检查柜台排队。</li>"
            "<li>出示证件；如有需要，向海关申报。</li>"
            "<li>离开口岸区域前请随身携带证件。</li></ol>",
            lo="<ol><li>ລຽນແຖວຢູ່ຫ້ອງກວດກາການເຂົ້າ-ອອກເມືອງ.</li>"
            "<li>ສະແດງເອກະສານ; ແຈ້ງພາສີຖ້າຈຳເປັນ.</li>"
            "<li>ເກັບເອກະສານໄວ້ກັບຕົວຈົນກວ່າຈະອອກຈາກເຂດດ່ານ.</li></ol>",
            km="<ol><li>តម្រង់ជួរនៅបញ្ជរត្រួតពិនិត្យអន្តោប្រវេសន៍។</li>"
            "<li>បង្ហាញឯកសារ; ប្រកាសគយប្រសិនបើចាំបាច់។</li>"
            "<li>រក្សាឯកសារជាមួយខ្លួនរហូតដល់ចេញពីតំបន់ច្រកព្រំដែន។</li></ol>",
        ),
    },
)

PAGES = [BO_Y_GATE, PROCEDURES]
