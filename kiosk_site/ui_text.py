"""Translations of the kiosk's own interface strings (msgids in English).

The kiosk builder has no Django, so its catalogue is this module; `gettext_for`
returns a gettext-style callable for Jinja's i18n extension. A locale without a
catalogue (e.g. Bahnar) falls back to the cluster's source language, and the
templates mark that chrome with the fallback's `lang`.
"""

from __future__ import annotations

from collections.abc import Callable

CATALOGUE: dict[str, dict[str, str]] = {
    "Home": {"vi": "Trang chủ", "zh-hans": "首页", "lo": "ໜ້າຫຼັກ", "km": "ទំព័រដើម"},
    "Back": {"vi": "Quay lại", "zh-hans": "返回", "lo": "ກັບຄືນ", "km": "ត្រឡប់"},
    "Language": {"vi": "Ngôn ngữ", "zh-hans": "语言", "lo": "ພາສາ", "km": "ភាសា"},
    "Choose your language": {
        "vi": "Chọn ngôn ngữ",
        "zh-hans": "请选择语言",
        "lo": "ເລືອກພາສາ",
        "km": "ជ្រើសរើសភាសា",
    },
    "Search": {"vi": "Tìm kiếm", "zh-hans": "搜索", "lo": "ຄົ້ນຫາ", "km": "ស្វែងរក"},
    "Search this kiosk": {
        "vi": "Tìm trong thông tin",
        "zh-hans": "搜索本机信息",
        "lo": "ຄົ້ນຫາຂໍ້ມູນ",
        "km": "ស្វែងរកព័ត៌មាន",
    },
    "Type with the keyboard below": {
        "vi": "Gõ bằng bàn phím bên dưới",
        "zh-hans": "请用下方键盘输入",
        "lo": "ພິມດ້ວຍແປ້ນພິມຂ້າງລຸ່ມ",
        "km": "វាយដោយក្តារចុចខាងក្រោម",
    },
    "Clear": {"vi": "Xoá", "zh-hans": "清除", "lo": "ລຶບ", "km": "សម្អាត"},
    "No results": {
        "vi": "Không tìm thấy kết quả",
        "zh-hans": "没有结果",
        "lo": "ບໍ່ພົບຜົນ",
        "km": "គ្មានលទ្ធផល",
    },
    "Results": {"vi": "Kết quả", "zh-hans": "结果", "lo": "ຜົນການຄົ້ນຫາ", "km": "លទ្ធផល"},
    "Feedback": {
        "vi": "Góp ý",
        "zh-hans": "意见反馈",
        "lo": "ຄຳຄິດເຫັນ",
        "km": "មតិកែលម្អ",
    },
    "Your message": {
        "vi": "Nội dung góp ý",
        "zh-hans": "您的留言",
        "lo": "ຂໍ້ຄວາມຂອງທ່ານ",
        "km": "សាររបស់អ្នក",
    },
    "Contact (optional)": {
        "vi": "Liên hệ (không bắt buộc)",
        "zh-hans": "联系方式（可选）",
        "lo": "ຕິດຕໍ່ (ບໍ່ບັງຄັບ)",
        "km": "ទំនាក់ទំនង (ស្រេចចិត្ត)",
    },
    "I agree that my contact is stored to reply to me.": {
        "vi": "Tôi đồng ý để lưu thông tin liên hệ nhằm trả lời tôi.",
        "zh-hans": "我同意保存我的联系方式以便回复。",
        "lo": "ຂ້ອຍຍິນຍອມໃຫ້ເກັບຂໍ້ມູນຕິດຕໍ່ເພື່ອຕອບກັບ.",
        "km": "ខ្ញុំយល់ព្រមឱ្យរក្សាទុកទំនាក់ទំនងរបស់ខ្ញុំដើម្បីឆ្លើយតប។",
    },
    "Send": {"vi": "Gửi", "zh-hans": "发送", "lo": "ສົ່ງ", "km": "ផ្ញើ"},
    "Thank you, your message was sent.": {
        "vi": "Cảm ơn, góp ý của bạn đã được gửi.",
        "zh-hans": "谢谢，您的留言已发送。",
        "lo": "ຂອບໃຈ, ຂໍ້ຄວາມຂອງທ່ານຖືກສົ່ງແລ້ວ.",
        "km": "សូមអរគុណ សាររបស់អ្នកត្រូវបានផ្ញើ។",
    },
    "Saved. It will be sent when the connection returns.": {
        "vi": "Đã lưu. Góp ý sẽ được gửi khi có kết nối.",
        "zh-hans": "已保存，连接恢复后将发送。",
        "lo": "ບັນທຶກແລ້ວ. ຈະສົ່ງເມື່ອມີການເຊື່ອມຕໍ່.",
        "km": "បានរក្សាទុក។ នឹងផ្ញើនៅពេលមានការតភ្ជាប់។",
    },
    "Please write a message.": {
        "vi": "Vui lòng nhập nội dung.",
        "zh-hans": "请输入留言。",
        "lo": "ກະລຸນາຂຽນຂໍ້ຄວາມ.",
        "km": "សូមសរសេរសារ។",
    },
    "Please agree to the consent line to leave a contact.": {
        "vi": "Vui lòng đồng ý để để lại thông tin liên hệ.",
        "zh-hans": "如需留下联系方式，请勾选同意。",
        "lo": "ກະລຸນາຍິນຍອມເພື່ອໃຫ້ຂໍ້ມູນຕິດຕໍ່.",
        "km": "សូមយល់ព្រម ដើម្បីទុកទំនាក់ទំនង។",
    },
    "Scan to read on your phone": {
        "vi": "Quét để đọc trên điện thoại",
        "zh-hans": "扫码在手机上阅读",
        "lo": "ສະແກນເພື່ອອ່ານໃນໂທລະສັບ",
        "km": "ស្កេនដើម្បីអានលើទូរស័ព្ទ",
    },
    "Touch to start": {
        "vi": "Chạm để bắt đầu",
        "zh-hans": "触摸屏幕开始",
        "lo": "ແຕະເພື່ອເລີ່ມ",
        "km": "ប៉ះដើម្បីចាប់ផ្តើម",
    },
    "Emergency": {"vi": "Khẩn cấp", "zh-hans": "紧急", "lo": "ສຸກເສີນ", "km": "បន្ទាន់"},
    "I understand": {
        "vi": "Tôi đã hiểu",
        "zh-hans": "我知道了",
        "lo": "ຂ້ອຍເຂົ້າໃຈແລ້ວ",
        "km": "ខ្ញុំយល់ហើយ",
    },
    "Notices": {
        "vi": "Thông báo",
        "zh-hans": "通知",
        "lo": "ແຈ້ງການ",
        "km": "សេចក្តីជូនដំណឹង",
    },
    "Opening hours": {
        "vi": "Giờ mở cửa",
        "zh-hans": "开放时间",
        "lo": "ເວລາເປີດ",
        "km": "ម៉ោងបើក",
    },
    "Closed": {"vi": "Đóng cửa", "zh-hans": "关闭", "lo": "ປິດ", "km": "បិទ"},
    "Fees": {"vi": "Phí", "zh-hans": "费用", "lo": "ຄ່າທຳນຽມ", "km": "ថ្លៃសេវា"},
    "Address": {"vi": "Địa chỉ", "zh-hans": "地址", "lo": "ທີ່ຢູ່", "km": "អាសយដ្ឋាន"},
    "Dates": {"vi": "Thời gian", "zh-hans": "日期", "lo": "ວັນທີ", "km": "កាលបរិច្ឆេទ"},
    "Venue": {"vi": "Địa điểm", "zh-hans": "地点", "lo": "ສະຖານທີ່", "km": "ទីកន្លែង"},
    "Border gate": {"vi": "Cửa khẩu", "zh-hans": "口岸", "lo": "ດ່ານ", "km": "ច្រកទ្វារ"},
    "Documents needed": {
        "vi": "Giấy tờ cần mang",
        "zh-hans": "所需证件",
        "lo": "ເອກະສານທີ່ຕ້ອງການ",
        "km": "ឯកសារដែលត្រូវការ",
    },
    "Gate hours": {
        "vi": "Giờ làm việc của cửa khẩu",
        "zh-hans": "口岸开放时间",
        "lo": "ເວລາເປີດດ່ານ",
        "km": "ម៉ោងធ្វើការច្រកទ្វារ",
    },
    "Where to go": {
        "vi": "Nơi làm thủ tục",
        "zh-hans": "办理地点",
        "lo": "ບ່ອນໄປ",
        "km": "កន្លែងត្រូវទៅ",
    },
    "Source": {"vi": "Nguồn", "zh-hans": "来源", "lo": "ແຫຼ່ງຂໍ້ມູນ", "km": "ប្រភព"},
    "Provided by": {
        "vi": "Đơn vị cung cấp",
        "zh-hans": "提供单位",
        "lo": "ສະໜອງໂດຍ",
        "km": "ផ្តល់ដោយ",
    },
    "Video not available on this kiosk": {
        "vi": "Video không có trên ki-ốt này",
        "zh-hans": "本机无此视频",
        "lo": "ບໍ່ມີວິດີໂອໃນຕູ້ນີ້",
        "km": "គ្មានវីដេអូនៅលើគីយ៉ូសនេះ",
    },
    "Kiosk navigation": {
        "vi": "Điều hướng ki-ốt",
        "zh-hans": "导航",
        "lo": "ການນຳທາງ",
        "km": "ការរុករក",
    },
    "Keyboard": {"vi": "Bàn phím", "zh-hans": "键盘", "lo": "ແປ້ນພິມ", "km": "ក្តារចុច"},
    "Close": {"vi": "Đóng", "zh-hans": "关闭", "lo": "ປິດ", "km": "បិទ"},
}


def has_catalogue(locale: str) -> bool:
    return locale == "en" or locale in CATALOGUE["Home"]


def ui_language(locale: str, fallback: str) -> str:
    """The language the chrome is shown in for `locale`."""
    if has_catalogue(locale):
        return locale
    return fallback if has_catalogue(fallback) else "en"


def gettext_for(locale: str) -> Callable[[str], str]:
    """A gettext callable for one UI language (English msgid if untranslated)."""

    def gettext(message: str) -> str:
        if locale == "en":
            return message
        return CATALOGUE.get(message, {}).get(locale, message)

    return gettext


def ui_strings(locale: str, keys: list[str]) -> dict[str, str]:
    tr = gettext_for(locale)
    return {k: tr(k) for k in keys}


def ui_texts(langs: set[str]) -> list[str]:
    """Every interface string shown in `langs` (for the font subsets)."""
    out = list(CATALOGUE)
    for translations in CATALOGUE.values():
        out += [v for k, v in translations.items() if k in langs]
    return out
