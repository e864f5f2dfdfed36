from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContractsConfig(AppConfig):
    name = "alianza.contracts"
    verbose_name = _("Contracts and bargaining")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from alianza.spaces.models import Share

        from . import equivalents

        # The alliance's glossary is one more source of the same term in the other
        # languages, after the clause taxonomy.
        equivalents.add_source(equivalents.from_glossary)

        # However a share comes or goes (the action, a space deleted with its
        # shares), the search index learns who may now read the agreement.
        post_save.connect(_share_changed, sender=Share, dispatch_uid="contracts-scope")
        post_delete.connect(
            _share_changed, sender=Share, dispatch_uid="contracts-scope-gone"
        )


def _share_changed(sender, instance, **kwargs) -> None:
    from django.contrib.contenttypes.models import ContentType

    from . import search_index
    from .models import Agreement

    if instance.content_type_id == ContentType.objects.get_for_model(Agreement).pk:
        search_index.refresh_scope([int(instance.object_id)])
