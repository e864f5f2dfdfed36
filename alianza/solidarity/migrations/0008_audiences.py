"""Every campaign, strike, request, event and letter says who may see it.

Existing rows keep what they showed: strikes stay with whoever saw their campaign
(leaders), events with everyone signed in (public), letters public once published.
New rows get the defaults of the models (a strike: the union's members; an event:
the alliance)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('orgs', '0006_folded_names_for_search'),
        ('solidarity', '0007_request_closed_at'),
    ]

    operations = [
        migrations.AddField(
            model_name='campaign',
            name='audience',
            field=models.CharField(choices=[('leaders', 'Leaders of the union'), ('unit', 'Members of a unit'), ('union', 'Members of the union'), ('alliance', 'The alliance'), ('public', 'The public')], default='leaders', max_length=10, verbose_name='who may see it'),
        ),
        migrations.AddField(
            model_name='campaign',
            name='audience_unit',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='orgs.unit', verbose_name='members of the unit'),
        ),
        migrations.AddField(
            model_name='event',
            name='audience',
            field=models.CharField(choices=[('leaders', 'Leaders of the union'), ('unit', 'Members of a unit'), ('union', 'Members of the union'), ('alliance', 'The alliance'), ('public', 'The public')], default='public', max_length=10, verbose_name='who may see it'),
        ),
        migrations.AddField(
            model_name='event',
            name='audience_unit',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='orgs.unit', verbose_name='members of the unit'),
        ),
        migrations.AddField(
            model_name='letter',
            name='audience',
            field=models.CharField(choices=[('leaders', 'Leaders of the union'), ('unit', 'Members of a unit'), ('union', 'Members of the union'), ('alliance', 'The alliance'), ('public', 'The public')], default='public', max_length=10, verbose_name='who may see it'),
        ),
        migrations.AddField(
            model_name='letter',
            name='audience_unit',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='orgs.unit', verbose_name='members of the unit'),
        ),
        migrations.AddField(
            model_name='solidarityrequest',
            name='audience',
            field=models.CharField(choices=[('leaders', 'Leaders of the union'), ('unit', 'Members of a unit'), ('union', 'Members of the union'), ('alliance', 'The alliance'), ('public', 'The public')], default='leaders', max_length=10, verbose_name='who may see it'),
        ),
        migrations.AddField(
            model_name='solidarityrequest',
            name='audience_unit',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='orgs.unit', verbose_name='members of the unit'),
        ),
        migrations.AddField(
            model_name='strike',
            name='audience',
            field=models.CharField(choices=[('leaders', 'Leaders of the union'), ('unit', 'Members of a unit'), ('union', 'Members of the union'), ('alliance', 'The alliance'), ('public', 'The public')], default='leaders', max_length=10, verbose_name='who may see it'),
        ),
        migrations.AddField(
            model_name='strike',
            name='audience_unit',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='orgs.unit', verbose_name='members of the unit'),
        ),
        migrations.AlterField(
            model_name='event',
            name='audience',
            field=models.CharField(choices=[('leaders', 'Leaders of the union'), ('unit', 'Members of a unit'), ('union', 'Members of the union'), ('alliance', 'The alliance'), ('public', 'The public')], default='alliance', max_length=10, verbose_name='who may see it'),
        ),
        migrations.AlterField(
            model_name='strike',
            name='audience',
            field=models.CharField(choices=[('leaders', 'Leaders of the union'), ('unit', 'Members of a unit'), ('union', 'Members of the union'), ('alliance', 'The alliance'), ('public', 'The public')], default='union', max_length=10, verbose_name='who may see it'),
        ),
    ]
