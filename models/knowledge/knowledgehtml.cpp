#include "knowledgehtml.h"

#include "browse/cellformat.h"
#include "render/htmlwriter.h"
#include "render/markdownrenderer.h"
#include "statuscolors.h"

using namespace Qt::StringLiterals;

namespace cwi {

using render::escaped;

namespace {

QString when(const Timestamp &at, const QDateTime &now = QDateTime::currentDateTimeUtc())
{
    if (at.isNull())
        return u"time unknown"_s;
    const QDateTime dt = at.toDateTime();
    return dt.isValid() ? QString(CellFormat::dateTime(dt) + u" ("_s + CellFormat::relativeAge(dt, now) + u')')
                        : at.raw.toString();
}

QString badge(const QString &table, const QString &field, const QString &value)
{
    const QColor color = statusColor(table, field, value);
    return "<span style=\"background-color:"_L1 + color.name() + "; color:"_L1 + contrastingTextColor(color).name()
        + ";\">&nbsp;"_L1 + escaped(statusLabel(table, field, value)) + "&nbsp;</span>"_L1;
}

QString meta(const QString &html)
{
    return "<p style=\"color:#5f6368; margin-top:0; margin-bottom:4px;\">"_L1 + html + "</p>"_L1;
}

QString linkOrDash(const QString &table, const QString &id, const NameMap &names)
{
    return id.isEmpty() ? u"\u2014"_s : entityLinkHtml(table, id, names.value(id, id));
}

} // namespace

QString entityLinkHtml(const QString &table, const QString &id, const QString &label)
{
    const QString href = "cwi://"_L1 + table + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(id));
    return "<a href=\""_L1 + escaped(href) + "\">"_L1 + escaped(label) + "</a>"_L1;
}

EntityLinkTarget parseEntityLink(const QUrl &url)
{
    if (url.scheme() != "cwi"_L1)
        return {};
    QString id = url.path(QUrl::FullyDecoded);
    if (id.startsWith(u'/'))
        id.remove(0, 1);
    return { url.host(), id };
}

QString chatSessionHtml(const ChatSession &session, const QVector<ChatMessage> &messages,
    const QHash<QString, ChangeSet> &changeSets, bool changeSetsAvailable, const NameMap &names)
{
    const QString targetTable = session.targetType == "phase"_L1 ? u"phases"_s : u"tasks"_s;
    QString html = "<h3>Chat on "_L1 + escaped(session.targetType) + u' '
        + linkOrDash(targetTable, session.targetId, names) + "</h3>"_L1;
    html += meta(badge(u"chat_sessions"_s, u"status"_s, session.status) + " &nbsp;agent "_L1
        + linkOrDash(u"agents"_s, session.agentId, names) + " &nbsp;started "_L1 + escaped(when(session.createdAt)));
    if (messages.isEmpty())
        return html + render::noteHtml(u"No messages in this session."_s);

    for (const ChatMessage &m : messages) {
        QString background = u"#f1f3f4"_s;
        QString who = u"Assistant"_s;
        if (m.role == "user"_L1) {
            background = u"#e3efff"_s;
            who = u"You"_s;
        } else if (m.role == "system"_L1) {
            background = u"#fff6db"_s;
            who = u"System"_s;
        } else if (m.role != "assistant"_L1) {
            who = m.role.isEmpty() ? u"(no role)"_s : QString(m.role + " (unknown role)"_L1);
        }
        const QString leftMargin = m.role == "user"_L1 ? u"48"_s : u"0"_s;
        const QString rightMargin = m.role == "user"_L1 ? u"0"_s : u"48"_s;
        html += "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"8\" style=\"margin-top:8px; margin-left:"_L1
            + leftMargin + "px; margin-right:"_L1 + rightMargin + "px; background-color:"_L1 + background
            + "; border-style:none;\"><tr><td>"_L1;
        html += "<p style=\"margin:0; color:#5f6368;\"><b>"_L1 + escaped(who) + "</b> &nbsp;"_L1
            + escaped(when(m.createdAt)) + "</p>"_L1;
        html += markdownToHtml(m.content);
        if (!m.changeSetId.isEmpty()) {
            QString line;
            if (!changeSetsAvailable) {
                line = "Change set "_L1 + escaped(m.changeSetId) + " (this file has no change_sets table)"_L1;
            } else if (const auto it = changeSets.constFind(m.changeSetId); it != changeSets.constEnd()) {
                const QString label = it->summary.isEmpty() ? it->id : it->summary;
                line = "Applied change set: "_L1 + entityLinkHtml(u"change_sets"_s, it->id, label)
                    + (it->status.isEmpty() ? QString() : QString(" ("_L1 + escaped(it->status) + u')'));
            } else {
                line = "Change set "_L1 + escaped(m.changeSetId) + " (row not found)"_L1;
            }
            html += u"<p style=\"margin-bottom:0; color:#1e6b35;\">\u2713 "_s + line + "</p>"_L1;
        }
        html += "</td></tr></table>"_L1;
    }
    return html;
}

QString proposalHtml(const Proposal &p, const NameMap &names)
{
    QString html = "<h2>"_L1 + escaped(p.title.isEmpty() ? u"(untitled proposal)"_s : p.title) + "</h2>"_L1;
    const QString table = p.targetType == "page"_L1 ? u"pages"_s
        : p.targetType == "phase"_L1                ? u"phases"_s
                                                    : u"tasks"_s;
    const QString target = p.targetId.isEmpty()
        ? QString("new "_L1 + escaped(p.targetType))
        : QString(escaped(p.targetType) + u' ' + linkOrDash(table, p.targetId, names));
    html += meta(badge(u"proposals"_s, u"status"_s, p.status) + " &nbsp;target: "_L1 + target + " &nbsp;by "_L1
        + linkOrDash(u"agents"_s, p.agentId, names) + " &nbsp;in "_L1
        + linkOrDash(u"initiatives"_s, p.initiativeId, names));
    html += meta(escaped(when(p.createdAt)));
    if (!p.summary.isEmpty())
        html += "<p><i>"_L1 + escaped(p.summary) + "</i></p>"_L1;
    html += "<hr/>"_L1 + markdownToHtml(p.content);
    if (!p.metadata.isEmpty()) {
        const QString pretty = CellFormat::prettyJson(p.metadata);
        html += "<h4>Metadata</h4>"_L1;
        if (pretty.isEmpty())
            html += render::noteHtml(u"The metadata is not valid JSON; raw text:"_s);
        html += render::rawTextHtml(pretty.isEmpty() ? p.metadata : pretty, qsizetype(64) * 1024);
    }
    return html;
}

QString conversationHtml(const Conversation &c, const NameMap &names, const QDateTime &nowUtc)
{
    QString html = "<h3>"_L1 + linkOrDash(u"agents"_s, c.fromAgentId, names) + u" \u2192 "_s
        + linkOrDash(u"agents"_s, c.toAgentId, names) + "</h3>"_L1;
    QStringList about;
    if (!c.initiativeId.isEmpty())
        about << "initiative "_L1 + linkOrDash(u"initiatives"_s, c.initiativeId, names);
    if (!c.phaseId.isEmpty())
        about << "phase "_L1 + linkOrDash(u"phases"_s, c.phaseId, names);
    if (!c.taskId.isEmpty())
        about << "task "_L1 + linkOrDash(u"tasks"_s, c.taskId, names);
    html += meta(
        badge(u"conversations"_s, u"status"_s, c.status) + " &nbsp;asked "_L1 + escaped(when(c.createdAt, nowUtc)));
    if (!about.isEmpty())
        html += meta(about.join(u" \u00b7 "_s));
    html += "<h4>Question</h4>"_L1 + markdownToHtml(c.question);
    html += "<h4>Answer</h4>"_L1;
    if (c.answer.isEmpty()) {
        const QDateTime asked = c.createdAt.toDateTime();
        html += "<p style=\"color:#b25e00;\"><i>Pending"_L1
            + (asked.isValid() ? QString(" for "_L1 + escaped(CellFormat::relativeAge(asked, nowUtc)).remove(u" ago"_s))
                               : QString())
            + "</i></p>"_L1;
    } else {
        html += markdownToHtml(c.answer);
        html += meta("answered "_L1 + escaped(when(c.updatedAt, nowUtc)));
    }
    return html;
}

QString messageHtml(
    const Message &m, const QString &from, const QString &to, const QString &fromAgentId, const QString &toAgentId)
{
    auto party = [](const QString &name, const QString &agentId) {
        return agentId.isEmpty() ? escaped(name) : entityLinkHtml(u"agents"_s, agentId, name);
    };
    QString html = "<h3>"_L1 + party(from, fromAgentId) + u" \u2192 "_s + party(to, toAgentId) + "</h3>"_L1;
    QString line = escaped(m.type.isEmpty() ? u"message"_s : m.type) + " &nbsp;"_L1 + escaped(m.status) + " &nbsp;"_L1
        + escaped(when(m.createdAt));
    if (m.requiresResponse && m.status == "pending"_L1)
        line += " &nbsp;<b style=\"color:#b25e00;\">needs a response</b>"_L1;
    html += meta(line) + markdownToHtml(m.content);
    if (!m.parentMessageId.isEmpty())
        html += meta("in reply to "_L1 + entityLinkHtml(u"messages"_s, m.parentMessageId, m.parentMessageId.left(10)));
    return html;
}

} // namespace cwi
