#include "detailhtml.h"

#include "cellformat.h"
#include "entities.h"
#include "render/htmlwriter.h"
#include "render/tiptaprenderer.h"
#include "statuscolors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QUrl>

namespace cwi {

namespace {

QString link(const QString &href, const QString &text)
{
    return u"<a href=\"" + render::escaped(href) + u"\">" + render::escaped(text) + u"</a>";
}

QString openHref(const QString &table, const QString &id)
{
    return u"cwi:open/" + table + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(id));
}

QString badge(const QString &table, const QString &field, const QString &value)
{
    const QColor color = statusColor(table, field, value);
    return u"<span style=\"background-color:" + color.name() + u"; color:" + contrastingTextColor(color).name()
        + u";\">&nbsp;" + render::escaped(statusLabel(table, field, value)) + u"&nbsp;</span>";
}

QString valueHtml(const DetailData &data, const FieldSpec *field, const QString &column, const QVariant &value,
    const QSet<QString> &expanded)
{
    if (value.isNull())
        return QStringLiteral("<span style=\"color:#888;\"><i>NULL</i></span>");
    const QString text = value.toString();
    const QString name = field ? field->name : column;
    if (!field)
        return u"<span style=\"white-space:pre-wrap;\">" + render::escaped(text.left(20000)) + u"</span>";
    if (!field->references.isEmpty() && !text.isEmpty()) {
        const QString label = data.referenceLabels.value(field->name);
        return link(openHref(field->references, text), label.isEmpty() ? text : label)
            + (label.isEmpty() ? QStringLiteral(" <span style=\"color:#b00;\">(not found)</span>")
                               : QString(u" <span style=\"color:#888;\">" + render::escaped(text) + u"</span>"));
    }
    switch (field->kind) {
    case FieldKind::Enum:
        return badge(data.table, field->name, text);
    case FieldKind::Timestamp: {
        const QDateTime when = Timestamp::interpret(value);
        if (!when.isValid())
            return render::escaped(text) + u" <span style=\"color:#b00;\">(not a timestamp)</span>";
        return render::escaped(CellFormat::dateTime(when)) + u" <span style=\"color:#888;\">("
            + render::escaped(CellFormat::relativeAge(when)) + u", stored " + render::escaped(text) + u")</span>";
    }
    case FieldKind::Boolean:
        return CellFormat::isTrue(value) ? QStringLiteral("✔ true") : QStringLiteral("✘ false");
    case FieldKind::Tiptap: {
        RenderInfo info;
        const QString html = tiptapToHtml(text, &info);
        QString note = info.message.isEmpty()
            ? QString()
            : QString(u"<p style=\"color:#a60;\">" + render::escaped(info.message) + u"</p>");
        return note + u"<div style=\"margin-left:4px;\">" + html + u"</div>";
    }
    case FieldKind::Json: {
        if (text.isEmpty())
            return QStringLiteral("<span style=\"color:#888;\">(empty)</span>");
        const QString pretty = CellFormat::prettyJson(text.left(qsizetype(4) * 1024 * 1024));
        if (pretty.isEmpty())
            return u"<span style=\"color:#b00;\">does not parse as JSON; raw text:</span><pre>"
                + render::escaped(text.left(20000)) + u"</pre>";
        QStringList lines = pretty.split(u'\n');
        QString tail;
        // Every JSON value with more than one line folds: short ones to a one-line summary,
        // long ones to their first lines.
        const QString foldedKey = u'-' + name;
        if (lines.size() > 1 && lines.size() <= DetailHtml::kFoldedJsonLines && expanded.contains(foldedKey)) {
            const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
            const QString summary = doc.isArray() ? QStringLiteral("[ %1 items ]").arg(doc.array().size())
                                                  : QStringLiteral("{ %1 keys }").arg(doc.object().size());
            return u"<code>" + render::escaped(summary) + u"</code> "
                + link(u"cwi:unfold/" + name, QStringLiteral("▸ show"));
        }
        if (lines.size() > 1 && lines.size() <= DetailHtml::kFoldedJsonLines) {
            tail = u"<br>" + link(u"cwi:fold/" + foldedKey, QStringLiteral("▾ fold"));
        } else if (lines.size() > DetailHtml::kFoldedJsonLines && !expanded.contains(name)) {
            tail = u"<br>" + link(u"cwi:expand/" + name, QStringLiteral("▸ show all %1 lines").arg(lines.size()));
            lines = lines.mid(0, DetailHtml::kFoldedJsonLines);
        } else if (lines.size() > DetailHtml::kFoldedJsonLines) {
            tail = u"<br>" + link(u"cwi:fold/" + name, QStringLiteral("▾ fold"));
        }
        return u"<pre style=\"background:#f6f8fa; white-space:pre-wrap;\">" + render::escaped(lines.join(u'\n'))
            + u"</pre>" + tail;
    }
    default:
        break;
    }
    if (text.contains(u'\n') || text.size() > 120)
        return u"<div style=\"white-space:pre-wrap;\">" + render::escaped(text.left(50000))
            + (text.size() > 50000 ? QStringLiteral("<br><i>… (shortened)</i>") : QString()) + u"</div>";
    return render::escaped(text);
}

} // namespace

QStringList DetailHtml::labels(const DetailData &data)
{
    QStringList names;
    if (!data.row)
        return names;
    for (const QString &column : data.row->columns) {
        const int c = data.info.columnIndex(column);
        const QString logical = c >= 0 ? data.info.columns.at(c).logicalName : QString();
        const FieldSpec *field = data.info.spec && !logical.isEmpty() ? data.info.spec->field(logical) : nullptr;
        names.append(field ? field->name : column);
    }
    return names;
}

QString DetailHtml::build(const DetailData &data, const QSet<QString> &expanded, int labelWidth)
{
    const TableSpec *spec = data.info.spec;
    const QString title = spec ? spec->title : data.table;
    QString html = QStringLiteral("<html><body style=\"margin:6px;\">");
    if (!data.error.isEmpty())
        return html + u"<p style=\"color:#b00;\">" + render::escaped(data.error) + u"</p></body></html>";
    if (!data.row) {
        return html + u"<h3>" + render::escaped(title) + u"</h3><p>No row with id <code>" + render::escaped(data.id)
            + u"</code> in " + render::escaped(data.table) + u" (it may have been deleted).</p></body></html>";
    }
    const RowRecord &row = *data.row;
    QString heading = title;
    if (spec && !spec->displayField.isEmpty()) {
        const QString label = row.value(spec->displayField, &data.info).toString();
        if (!label.isEmpty())
            heading = CellFormat::elide(label, 90);
    }
    html += u"<h2 style=\"margin-bottom:2px;\">" + render::escaped(heading) + u"</h2>";
    html += u"<p style=\"color:#666; margin-top:0;\">" + render::escaped(title) + u" · <code>"
        + render::escaped(data.id) + u"</code>";
    if (data.table == u"agents")
        html += u" · " + link(u"cwi:log/" + data.id, QStringLiteral("open log"));
    if (data.table == u"phases")
        html += u" · " + link(u"cwi:review/" + data.id, QStringLiteral("open review"));
    if (data.table == u"review_comments") {
        const QString phase = row.value(QStringLiteral("phaseId"), &data.info).toString();
        if (!phase.isEmpty())
            html += u" · " + link(u"cwi:review/" + phase + u'/' + data.id, QStringLiteral("show in the diff"));
    }
    html += u"</p>";

    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">");
    for (int i = 0; i < row.columns.size(); ++i) {
        const QString &column = row.columns.at(i);
        const int c = data.info.columnIndex(column);
        const QString logical = c >= 0 ? data.info.columns.at(c).logicalName : QString();
        const FieldSpec *field = spec && !logical.isEmpty() ? spec->field(logical) : nullptr;
        const QString shade = i % 2 ? QStringLiteral("#ffffff") : QStringLiteral("#f7f7f9");
        const QString name = u"<b>" + render::escaped(field ? field->name : column) + u"</b>"
            + (field ? QString() : QStringLiteral("<br><span style=\"color:#999;\">not in the schema</span>"));
        const QString value = valueHtml(data, field, column, row.values.at(i), expanded);
        const QString rowStart = u"<tr style=\"background:" + shade + u";\">";
        if (labelWidth == kStacked)
            html += rowStart + u"<td colspan=\"2\" nowrap style=\"color:#555;\">" + name + u"</td></tr>" + rowStart
                + u"<td width=\"6\"></td><td valign=\"top\">" + value + u"</td></tr>";
        else
            html += rowStart + u"<td valign=\"top\" nowrap"
                + (labelWidth > 0 ? QString(u" width=\"" + QString::number(labelWidth) + u'"') : QString())
                + u" style=\"color:#555;\">" + name + u"</td><td valign=\"top\">" + value + u"</td></tr>";
    }
    html += u"</table>";
    for (const QString &missing : data.info.missingFields)
        html += u"<p style=\"color:#999;\">" + render::escaped(missing) + u": not in this file (older schema)</p>";

    if (data.logTotals && data.logTotals->sessions > 0) {
        const LogTotals &t = *data.logTotals;
        const QLocale locale;
        html += u"<h3>Agent sessions</h3><p>" + QString::number(t.sessions) + u" sessions of "
            + QString::number(t.agents) + u" agent(s)"
            + (t.failedSessions ? u", <b style=\"color:#c0392b;\">" + QString::number(t.failedSessions) + u" failed</b>"
                                : QString())
            + u"<br>cost <b>$" + QString::number(t.costUsd, 'f', 2) + u"</b> · " + QString::number(t.turns)
            + u" turns · " + QString::number(t.durationMs / 60000.0, 'f', 1) + u" min<br>tokens: "
            + locale.toString(t.usage.input) + u" in, " + locale.toString(t.usage.output) + u" out, "
            + locale.toString(t.usage.cacheRead) + u" cache read, " + locale.toString(t.usage.cacheCreation)
            + u" cache write</p>";
    } else if (data.logTotalsPending)
        html += QStringLiteral("<h3>Agent sessions</h3><p style=\"color:#999;\">Cost and tokens show here when the log "
                               "index has been built (progress in the status bar).</p>");
    if (!data.relations.isEmpty()) {
        html += QStringLiteral("<h3>Related</h3><ul>");
        for (const Relation &relation : data.relations) {
            const QString text = relation.title + u" (" + QString::number(relation.count) + u')';
            if (relation.count == 0) {
                html += u"<li style=\"color:#999;\">" + render::escaped(text) + u"</li>";
                continue;
            }
            const bool joinTable
                = relation.table.contains(u"_dependencies") || relation.table == u"initiative_projects";
            if (!relation.onlyId.isEmpty() && !joinTable) {
                html += u"<li>" + link(openHref(relation.table, relation.onlyId), text)
                    + u" <span style=\"color:#999;\">" + render::escaped(relation.table) + u"</span></li>";
                continue;
            }
            html += u"<li>"
                + link(u"cwi:filter/" + relation.table + u'/' + relation.field + u'/'
                        + QString::fromLatin1(QUrl::toPercentEncoding(data.id)),
                    text)
                + u" <span style=\"color:#999;\">" + render::escaped(relation.table) + u"</span></li>";
        }
        html += u"</ul>";
    }
    return html + u"</body></html>";
}

} // namespace cwi
