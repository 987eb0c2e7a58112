#pragma once

// A one-line plain-text label that never asks for more room than it gets: a text wider than
// the label is elided ("…") and the whole text goes into the tool tip. For messages whose length
// is not known (status messages, summaries, hints) in rows that must fit a 1024 px window.

#include <QLabel>

namespace cwi {

class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);
    explicit ElidedLabel(const QString &text, QWidget *parent = nullptr);

    void setFullText(const QString &text);
    QString fullText() const { return m_fullText; }
    bool isElided() const { return text() != m_fullText; }

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void elide();

    QString m_fullText;
};

} // namespace cwi
