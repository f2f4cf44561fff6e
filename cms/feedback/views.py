"""The feedback admin: the queue, one item with its workflow, staff entry."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.models import ModelLogEntry

from . import forms, services
from .errors import FeedbackError
from .models import Feedback
from .selectors import duration_text, feedback_queue

VIEW = "feedback.view_feedback"
HANDLE = "feedback.handle_feedback"
ADD = "feedback.add_feedback"
PER_PAGE = 50


@permission_required(VIEW)
def feedback_index(request: HttpRequest) -> HttpResponse:
    """The queue with its filters; floods and duplicates hidden unless asked."""
    filters = forms.QueueFilterForm(request.GET or None)
    chosen = filters.cleaned_data if filters.is_valid() else {}
    items = feedback_queue(
        status=chosen.get("status", ""),
        cluster=chosen.get("cluster"),
        language=chosen.get("language", ""),
        flood=chosen.get("flood", ""),
        duplicates=chosen.get("duplicates", False),
    )
    page = Paginator(items, PER_PAGE).get_page(request.GET.get("p"))
    for item in page:
        item.time_taken_text = duration_text(item.time_taken)
        item.language_name = settings.ALL_LANGUAGES.get(item.language, item.language)
    return TemplateResponse(
        request,
        "feedback/index.html",
        {
            "page_title": _("Public feedback"),
            "header_icon": "comment",
            "filters": filters,
            "page_obj": page,
            "can_add": request.user.has_perm(ADD),
        },
    )


@permission_required(VIEW)
def feedback_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One item, its duplicates, its history and the actions its status allows."""
    item = get_object_or_404(
        Feedback.objects.select_related("cluster", "agency"), pk=pk
    )
    return TemplateResponse(
        request,
        "feedback/detail.html",
        {
            "page_title": _("Feedback #%(id)s") % {"id": item.pk},
            "header_icon": "comment",
            "item": item,
            "language_name": settings.ALL_LANGUAGES.get(item.language, item.language),
            "time_taken": duration_text(item.time_taken),
            "duplicates": item.duplicates.order_by("sent_at"),
            "history": ModelLogEntry.objects.for_instance(item)
            .select_related("user")
            .order_by("timestamp", "id"),
            "can_handle": request.user.has_perm(HANDLE),
            "forward_form": forms.ForwardForm(initial={"agency": item.agency}),
            "answer_form": forms.AnswerForm(initial={"answer": item.answer}),
            "note_form": forms.NoteForm(),
            "summary_form": forms.SummaryForm(initial={"summary": item.summary}),
        },
    )


def _action(request, item: Feedback, action: str) -> None:
    """Run one workflow action from the POSTed form; FeedbackError on refusal."""
    user = request.user
    if action == "forward":
        form = forms.ForwardForm(request.POST)
        agency = form.cleaned_data["agency"] if form.is_valid() else None
        note = form.cleaned_data.get("note", "") if form.is_valid() else ""
        services.feedback_forward(feedback=item, agency=agency, user=user, note=note)
    elif action == "answer":
        text = request.POST.get("answer", "")
        services.feedback_answer(feedback=item, answer=text, user=user)
    elif action == "close":
        note = request.POST.get("note", "")
        services.feedback_close(feedback=item, user=user, note=note)
    elif action == "reopen":
        note = request.POST.get("note", "")
        services.feedback_reopen(feedback=item, user=user, note=note)
    elif action == "summary":
        text = request.POST.get("summary", "")
        services.feedback_summary_set(feedback=item, summary=text, user=user)
    else:
        raise FeedbackError(
            _('"%(action)s" is not a feedback action.') % {"action": action}
        )


DONE = {
    "forward": gettext_lazy("Feedback #%(id)s forwarded."),
    "answer": gettext_lazy("Answer recorded for feedback #%(id)s."),
    "close": gettext_lazy("Feedback #%(id)s closed."),
    "reopen": gettext_lazy("Feedback #%(id)s reopened."),
    "summary": gettext_lazy("Translation or summary of feedback #%(id)s saved."),
}


@require_POST
@permission_required(VIEW)
def feedback_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if not request.user.has_perm(HANDLE):
        raise PermissionDenied
    item = get_object_or_404(Feedback, pk=pk)
    try:
        _action(request, item, action)
    except FeedbackError as err:
        messages.error(request, str(err))
    else:
        messages.success(request, str(DONE[action]) % {"id": item.pk})
    return redirect("feedback_detail", pk=item.pk)


@permission_required(ADD)
def feedback_add(request: HttpRequest) -> HttpResponse:
    """Staff enter feedback received by phone, letter, in person or the portal."""
    form = forms.StaffEntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            item = services.feedback_create(user=request.user, **data)
        except FeedbackError as err:
            messages.error(request, str(err))
        else:
            messages.success(request, _("Feedback #%(id)s recorded.") % {"id": item.pk})
            return redirect("feedback_detail", pk=item.pk)
    return TemplateResponse(
        request,
        "feedback/add.html",
        {
            "page_title": _("Enter feedback"),
            "header_icon": "comment",
            "form": form,
        },
    )
