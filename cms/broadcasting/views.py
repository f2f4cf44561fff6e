"""The policy inspect page: the same check for those who may only read."""

from wagtail.admin.views.generic import InspectView

from .panels import policy_check_context


class AirtimePolicyInspectView(InspectView):
    template_name = "broadcasting/policy_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(policy_check_context(self.object))
        return context
