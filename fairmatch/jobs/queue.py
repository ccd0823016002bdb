"""The Celery app (Flask's documented pattern: every task runs in an app context), its two tasks and
the periodic schedule that `flask worker --beat` keeps."""

from celery import Celery, Task
from celery.signals import worker_ready

from fairmatch.extensions import db


def celery_for(app) -> Celery:
    from fairmatch.jobs.periodic import run_periodic
    from fairmatch.jobs.registry import PERIODIC
    from fairmatch.jobs.runner import recover, run

    class FlaskTask(Task):
        def __call__(self, *args, **kwargs):
            with app.app_context():
                try:
                    return self.run(*args, **kwargs)
                finally:
                    db.session.remove()

    celery = Celery(app.import_name, broker=app.config["REDIS_URL"], task_cls=FlaskTask)
    celery.conf.update(
        task_ignore_result=True,
        worker_prefetch_multiplier=1,
        # A job's message is acknowledged when it ends; a worker killed mid-job leaves it to be
        # delivered again, and `recover` sends it again sooner. `run` claims a job once.
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
        timezone="UTC",
        beat_schedule={
            name: {"task": "fairmatch.periodic", "schedule": float(entry.seconds), "args": [name]}
            for name, entry in PERIODIC.items()
        },
    )

    @worker_ready.connect(weak=False)
    def pick_up_dead_jobs(**kwargs) -> None:
        """A worker starting after a crash runs again what the dead one was doing."""
        with app.app_context():
            try:
                recover()
            finally:
                db.session.remove()

    @celery.task(name="fairmatch.run_job")
    def run_job(job_id: str) -> None:
        run(job_id)

    @celery.task(name="fairmatch.periodic")
    def periodic(name: str) -> None:
        run_periodic(name)

    return celery
