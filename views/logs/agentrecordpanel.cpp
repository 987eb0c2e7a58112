#include "agentrecordpanel.h"

#include "appcontext.h"
#include "render/htmlwriter.h"
#include "render/inertdocument.h"

#include <QJsonDocument>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {

QString orDash(const QString &s)
{
    return s.isEmpty() ? u"<span style='color:#9e9e9e'>—</span>"_s : render::escaped(s);
}

QString variantText(const QVariant &v)
{
    return v.isNull() || !v.isValid() ? QString() : v.toString();
}

// Pretty JSON when it parses; otherwise the raw text and a note.
QString jsonBlock(const QString &text)
{
    if (text.isEmpty())
        return u"<p style='color:#9e9e9e'>—</p>"_s;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return u"<p style='color:#c62828'>Does not parse as JSON (%1); shown as stored:</p><pre style='white-space:pre-wrap'>%2</pre>"_s
            .arg(render::escaped(error.errorString()), render::escaped(text));
    return u"<pre style='white-space:pre-wrap'>"_s
        + render::escaped(QString::fromUtf8(doc.toJson(QJsonDocument::Indented))) + u"</pre>"_s;
}

QString row(const QString &label, const QString &valueHtml)
{
    return u"<tr><td style='color:#616161; padding-right:8px'>%1</td><td>%2</td></tr>"_s.arg(label, valueHtml);
}

} // namespace

AgentRecordPanel::AgentRecordPanel(AppContext *ctx, QWidget *parent)
    : QTextBrowser(parent)
    , m_ctx(ctx)
{
    setDocument(new InertTextDocument(this)); // file content: loads nothing
    setOpenLinks(false);
    setFrameShape(QFrame::NoFrame);
    setToolTip(tr("The agent's row in the agents table"));
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        // cwi:TABLE/ID
        const QString path = url.path();
        const qsizetype slash = path.indexOf(u'/');
        if (url.scheme() == u"cwi" && slash > 0)
            m_ctx->navigate({ path.left(slash), path.mid(slash + 1) });
    });
}

void AgentRecordPanel::showMessage(const QString &message)
{
    setHtml(u"<p style='color:#616161'>"_s + render::escaped(message) + u"</p>"_s);
}

void AgentRecordPanel::showRecord(const AgentLogs &logs)
{
    if (!logs.agent) {
        const QString name = logs.sessions.isEmpty() ? logs.agentId : logs.sessions.constFirst().agentName;
        setHtml(u"<h3>%1</h3><p style='color:#616161'>%2</p>"_s.arg(render::escaped(name),
            tr("The agent row <code>%1</code> is gone (deleted). Its log is still in agent_log_chunks, so the "
               "sessions stay readable.")
                .arg(render::escaped(logs.agentId))));
        return;
    }
    const Agent &a = *logs.agent;
    auto link = [](const QString &table, const QString &id, const QString &label) {
        if (id.isEmpty())
            return orDash(QString());
        return u"<a href='cwi:%1/%2'>%3</a>"_s.arg(
            table, render::escaped(id), render::escaped(label.isEmpty() ? id : label));
    };
    QString html = u"<h3 style='margin-bottom:4px'>%1</h3><table cellspacing=0>"_s.arg(render::escaped(a.name));
    html += row(tr("Status"), u"<b>"_s + orDash(a.status) + u"</b>"_s);
    html += row(tr("Mode"), orDash(a.mode));
    html += row(tr("Provider"), orDash(a.provider));
    html += row(tr("Account"), link(u"accounts"_s, a.accountId, logs.accountEmail));
    html += row(tr("Task"), link(u"tasks"_s, a.taskId, logs.taskName));
    html += row(tr("Initiative"), link(u"initiatives"_s, a.initiativeId, logs.initiativeName));
    html += row(tr("Worktree"), orDash(a.worktreeId));
    html += row(tr("PID"), orDash(variantText(a.pid)));
    html += row(tr("Exit code"), orDash(variantText(a.exitCode)));
    html += row(tr("Session id"), orDash(a.sessionId));
    html += row(tr("Agent id"), u"<code>"_s + render::escaped(a.id) + u"</code>"_s);
    html += u"</table>"_s;
    html += u"<h4>%1</h4>"_s.arg(tr("Prompt"))
        + (a.prompt.isEmpty() ? u"<p style='color:#9e9e9e'>—</p>"_s
                              : u"<pre style='white-space:pre-wrap'>"_s + render::escaped(a.prompt) + u"</pre>"_s);
    html += u"<h4>%1</h4>"_s.arg(tr("Result")) + jsonBlock(a.result);
    html += u"<h4>%1</h4>"_s.arg(tr("Pending questions")) + jsonBlock(a.pendingQuestions);
    setHtml(html);
}

} // namespace cwi
