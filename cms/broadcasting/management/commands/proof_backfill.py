"""manage.py proof_backfill: record play_log uploads kept before proof of play.

Run once after deploying proof of play; later uploads are recorded on arrival.
"""

from django.core.management.base import BaseCommand

from cms.broadcasting.proof.services import play_logs_backfill


class Command(BaseCommand):
    help = "Chain the play_log agent uploads that have no play record yet."

    def handle(self, *args, **options):
        made, problems = play_logs_backfill()
        for problem in problems:
            self.stderr.write(f"not recorded: {problem}")
        self.stdout.write(
            f"{made} play records made; {len(problems)} uploads could not be "
            "recorded (kept as they are)."
        )
