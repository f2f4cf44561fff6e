"""POST data for Wagtail admin edit forms, built from the form itself."""

import datetime as dt

from django.db.models.fields.files import FieldFile
from wagtail.models import Page


def edit_form_data(instance, user, *, parent=None, **changes) -> dict:
    """Data that re-submits the instance's edit form unchanged (except `changes`).

    For a page not saved yet, pass its parent page.
    """
    if isinstance(instance, Page):
        if instance.pk:
            instance = instance.specific
            parent = instance.get_parent()
        form_class = instance.get_edit_handler().get_form_class()
        form = form_class(instance=instance, for_user=user, parent_page=parent)
    else:
        viewset = instance.snippet_viewset
        form_class = viewset.get_edit_handler().get_form_class()
        form = form_class(instance=instance, for_user=user)
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or isinstance(value, FieldFile) or value is False:
            continue
        if value is True:
            data[name] = "on"
        elif isinstance(value, dt.datetime):
            data[name] = value.strftime("%Y-%m-%d %H:%M")
        elif isinstance(value, list | tuple):
            data[name] = [str(item) for item in value]
        else:
            data[name] = str(value)
    for prefix in form.formsets:
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(changes)
    return data
