"""boto3 (a client this project did not write) against the emulator: templates and the suppression list.

Run by boto3.smoke.test.ts with EMULATOR_URL set; prints one JSON report that the test asserts on.
"""

import json
import os

import boto3

ses = boto3.client(
    "sesv2",
    endpoint_url=os.environ["EMULATOR_URL"],
    region_name="us-east-1",
    aws_access_key_id="test",
    aws_secret_access_key="test",
)


def error_of(call, **kwargs):
    try:
        call(**kwargs)
    except ses.exceptions.ClientError as error:
        return {
            "code": error.response["Error"]["Code"],
            "message": error.response["Error"]["Message"],
            "status": error.response["ResponseMetadata"]["HTTPStatusCode"],
        }
    return None


report = {}
ses.create_email_identity(EmailIdentity="boto.example.com")
ses.create_email_template(
    TemplateName="boto-welcome",
    TemplateContent={"Subject": "Hi {{name}}", "Text": "Hello {{name}}", "Html": "<b>{{name}}</b>"},
)
report["template"] = ses.get_email_template(TemplateName="boto-welcome")["TemplateContent"]
report["listed"] = [t["TemplateName"] for t in ses.list_email_templates()["TemplatesMetadata"]]
report["rendered"] = ses.test_render_email_template(
    TemplateName="boto-welcome", TemplateData='{"name": "Py"}'
)["RenderedTemplate"]
report["messageId"] = ses.send_email(
    FromEmailAddress="py@boto.example.com",
    Destination={"ToAddresses": ["success@simulator.amazonses.com"]},
    Content={"Template": {"TemplateName": "boto-welcome", "TemplateData": '{"name": "Py"}'}},
)["MessageId"]
report["badData"] = error_of(
    ses.send_email,
    FromEmailAddress="py@boto.example.com",
    Destination={"ToAddresses": ["success@simulator.amazonses.com"]},
    Content={"Template": {"TemplateName": "boto-welcome", "TemplateData": "{not json"}},
)
report["missingTemplate"] = error_of(ses.get_email_template, TemplateName="ghost")
report["missingAttribute"] = error_of(
    ses.test_render_email_template, TemplateName="boto-welcome", TemplateData="{}"
)
ses.delete_email_template(TemplateName="boto-welcome")
report["afterDelete"] = error_of(ses.get_email_template, TemplateName="boto-welcome")

ses.put_suppressed_destination(EmailAddress="gone@example.net", Reason="BOUNCE")
ses.put_suppressed_destination(EmailAddress="angry@example.net", Reason="COMPLAINT")
entry = ses.get_suppressed_destination(EmailAddress="gone@example.net")["SuppressedDestination"]
report["suppressed"] = {"address": entry["EmailAddress"], "reason": entry["Reason"], "hasTime": bool(entry["LastUpdateTime"])}
report["bounces"] = [
    s["EmailAddress"]
    for s in ses.list_suppressed_destinations(Reasons=["BOUNCE"])["SuppressedDestinationSummaries"]
]
ses.delete_suppressed_destination(EmailAddress="gone@example.net")
report["afterUnsuppress"] = error_of(ses.get_suppressed_destination, EmailAddress="gone@example.net")
report["account"] = ses.get_account()["SendQuota"]
print(json.dumps(report))
