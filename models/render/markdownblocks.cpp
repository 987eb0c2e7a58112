#include "markdownblocks.h"

namespace cwi::render::md {

qsizetype leadingSpaces(QStringView s, qsizetype from)
{
    qsizetype i = from;
    while (i < s.size() && s[i] == u' ')
        ++i;
    return i - from;
}

bool isBlank(QStringView s)
{
    return s.trimmed().isEmpty();
}

bool isRule(QStringView s)
{
    const QStringView t = s.trimmed();
    // Cheap rejection first: "- - - item" lines are checked once per marker.
    if (t.isEmpty() || (t.back() != u'-' && t.back() != u'*' && t.back() != u'_'))
        return false;
    if (t.size() < 3 || leadingSpaces(s) > 3)
        return false;
    const QChar c = t[0];
    if (c != u'-' && c != u'*' && c != u'_')
        return false;
    int count = 0;
    for (const QChar x : t) {
        if (x == c)
            ++count;
        else if (x != u' ')
            return false;
    }
    return count >= 3;
}

ListMarker listMarker(QStringView s)
{
    ListMarker m;
    qsizetype i = 0;
    if (i < s.size() && (s[i] == u'-' || s[i] == u'*' || s[i] == u'+')) {
        m.bullet = s[i];
        ++i;
    } else {
        while (i < s.size() && i < 9 && s[i].isDigit())
            ++i;
        if (i == 0 || i >= s.size() || (s[i] != u'.' && s[i] != u')'))
            return m;
        m.ordered = true;
        m.start = s.left(i).toInt();
        m.bullet = s[i];
        ++i;
    }
    if (i < s.size() && s[i] != u' ')
        return m;
    const qsizetype spaces = leadingSpaces(s, i);
    m.width = i + (spaces == 0 || spaces > 4 ? 1 : spaces);
    m.ok = true;
    return m;
}

int headingLevel(QStringView s)
{
    if (leadingSpaces(s) > 3)
        return 0;
    const QStringView t = s.trimmed();
    int level = 0;
    while (level < t.size() && t[level] == u'#')
        ++level;
    if (level == 0 || level > 6 || (level < t.size() && t[level] != u' '))
        return 0;
    return level;
}

QString fenceOf(QStringView s)
{
    if (leadingSpaces(s) > 3)
        return {};
    const QStringView t = s.trimmed();
    if (!t.startsWith(u"```") && !t.startsWith(u"~~~"))
        return {};
    qsizetype n = 0;
    while (n < t.size() && t[n] == t[0])
        ++n;
    return QString(n, t[0]);
}

QStringList tableCells(QStringView row)
{
    QStringView t = row.trimmed();
    if (t.startsWith(u'|'))
        t = t.mid(1);
    if (t.endsWith(u'|') && !t.endsWith(u"\\|"))
        t.chop(1);
    QStringList cells;
    QString cell;
    for (qsizetype i = 0; i < t.size(); ++i) {
        if (t[i] == u'\\' && i + 1 < t.size() && t[i + 1] == u'|') {
            cell += u'|';
            ++i;
        } else if (t[i] == u'|') {
            cells << cell.trimmed();
            cell.clear();
        } else {
            cell += t[i];
        }
    }
    cells << cell.trimmed();
    return cells;
}

bool isTableDelimiter(QStringView s)
{
    if (!s.contains(u'-'))
        return false;
    for (const QString &cell : tableCells(s)) {
        QStringView c = QStringView(cell);
        if (c.startsWith(u':'))
            c = c.mid(1);
        if (c.endsWith(u':'))
            c.chop(1);
        if (c.isEmpty())
            return false;
        for (const QChar x : c) {
            if (x != u'-')
                return false;
        }
    }
    return true;
}

} // namespace cwi::render::md
