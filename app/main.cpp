#include "database.h"
#include "inforeport.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QJsonDocument>
#include <QTextStream>

using namespace cwi;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("Codewalkers database"));
    parser.addOption({ QStringLiteral("info"), QStringLiteral("Print a JSON report") });
    parser.process(app);
    const QString path = parser.positionalArguments().value(0);
    auto opened = Database::open(path);
    QTextStream err(stderr);
    if (!opened.database) {
        err << opened.message << Qt::endl;
        return 2;
    }
    QTextStream(stdout) << QJsonDocument(infoReport(*opened.database)).toJson();
    return 0;
}
