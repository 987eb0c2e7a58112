#include "searchresultmodel.h"

#include "render/htmlwriter.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {
// A snippet shows on one line: line breaks and tabs of the log become spaces.
QString oneLine(QString text)
{
    for (QChar &c : text) {
        if (c == u'\n' || c == u'\r' || c == u'\t')
            c = u' ';
    }
    return text;
}
} // namespace

QString snippetHtml(const QString &snippetText)
{
    const QString snippet = oneLine(snippetText);
    QString html;
    html.reserve(snippet.size() + 32);
    qsizetype from = 0;
    bool open = false;
    for (qsizetype i = 0; i <= snippet.size(); ++i) {
        const bool end = i == snippet.size();
        const QChar c = end ? QChar() : snippet.at(i);
        if (!end && c != QChar(1) && c != QChar(2))
            continue;
        html += render::escaped(QStringView(snippet).mid(from, i - from));
        if (!end && c == QChar(1) && !open) {
            html += u"<b style=\"background-color:#fde68a\">"_s;
            open = true;
        } else if (!end && c == QChar(2) && open) {
            html += u"</b>"_s;
            open = false;
        }
        from = i + 1;
    }
    if (open)
        html += u"</b>"_s;
    return html;
}

SearchResultModel::SearchResultModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void SearchResultModel::setHits(const QVector<SearchHit> &hits)
{
    beginResetModel();
    m_hits = hits;
    endResetModel();
}

const SearchHit *SearchResultModel::hit(int row) const
{
    return row >= 0 && row < m_hits.size() ? &m_hits.at(row) : nullptr;
}

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

int SearchResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchHit &h = m_hits.at(index.row());
    switch (role) {
    case AgentIdRole:
        return h.agentId;
    case SessionRole:
        return h.sessionNumber;
    case LineRole:
        return h.line;
    case SnippetHtmlRole:
        return snippetHtml(h.snippet);
    case Qt::ToolTipRole:
        if (index.column() == SnippetColumn) {
            QString plain = h.snippet;
            plain.remove(QChar(1)).remove(QChar(2));
            return render::plainToolTip(plain);
        }
        // Also what a narrow page folds away (the time, the session).
        return render::plainToolTip(tr("%1, session %2, line %3, %4")
                                        .arg(h.agentName)
                                        .arg(h.sessionNumber)
                                        .arg(h.line + 1)
                                        .arg(data(index.siblingAtColumn(TimeColumn), Qt::DisplayRole).toString()));
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case TimeColumn:
            return h.atMs > 0 ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(h.atMs), QLocale::ShortFormat)
                              : QString();
        case AgentColumn:
            return h.agentName;
        case SessionColumn:
            return h.sessionNumber;
        case KindColumn:
            return h.tool.isEmpty() ? h.kind : h.kind + u' ' + h.tool;
        case InitiativeColumn:
            return h.initiativeName;
        case SnippetColumn: {
            QString plain = oneLine(h.snippet);
            return plain.remove(QChar(1)).remove(QChar(2));
        }
        case ColumnCount:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant SearchResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case AgentColumn:
        return tr("Agent");
    case SessionColumn:
        return tr("Session");
    case KindColumn:
        return tr("Kind");
    case InitiativeColumn:
        return tr("Initiative");
    case SnippetColumn:
        return tr("Match");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace cwi
