from django_tasks import task


@task()
def read_agreement(agreement_id: int) -> None:
    """Read an uploaded agreement (OCR included) into clauses, in the background."""
    from .actions import read_file

    read_file(agreement_id)
