#pragma once

// Pages dock: one initiative's page tree beside the selected page rendered as a document
// (Tiptap JSON through tiptapToHtml). Search matches titles and content.

#include "knowledgeviewbase.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;
class QTreeView;

namespace cwi {

class DocumentBrowser;
class PageTreeModel;

class PagesView : public KnowledgeViewBase
{
    Q_OBJECT
public:
    explicit PagesView(AppContext *ctx, QWidget *parent = nullptr);

    // Pane
    Info paneInfo() const override;
    Fit canShow(const EntityRef &ref) const override;
    void showEntity(const EntityRef &ref) override;
    bool showView(const QStringList &args, EntityRef *follow, QString *error) override;

    QString currentInitiativeId() const;
    QString currentPageId() const { return m_pageId; }
    PageTreeModel *model() const { return m_model; }
    DocumentBrowser *document() const { return m_document; }

public Q_SLOTS:
    void reload() override;
    void showInitiative(const QString &initiativeId);
    // Opens the page's initiative and selects the page.
    void showPage(const QString &pageId);
    void setSearchText(const QString &text);

private:
    void loadPages();
    void loadDocument(bool keepScroll);
    void runSearch();
    void selectPendingPage();

    PageTreeModel *m_model;
    QComboBox *m_initiatives;
    QLineEdit *m_search;
    QLabel *m_status;
    QTreeView *m_tree;
    DocumentBrowser *m_document;
    QTimer *m_searchDelay;
    QString m_pageId; // selected page
    QString m_wantedInitiative; // asked for before the list arrived
    QString m_wantedPage;
};

} // namespace cwi
