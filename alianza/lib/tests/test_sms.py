import io

from alianza.lib import sms


def test_the_configured_backend_is_used(settings):
    settings.SMS_BACKEND = "alianza.lib.sms.LocmemBackend"
    assert sms.send_messages([sms.SmsMessage("+52 1", "Hola")]) == 1
    assert sms.outbox == [sms.SmsMessage("+52 1", "Hola")]


def test_the_console_backend_writes_each_message():
    stream = io.StringIO()
    backend = sms.get_backend("alianza.lib.sms.ConsoleBackend", stream=stream)
    assert backend.send_messages([sms.SmsMessage("+1 520", "Rally at noon")]) == 1
    assert "SMS to +1 520" in stream.getvalue() and "Rally at noon" in stream.getvalue()
