#pragma once

// The command line of cw-inspector: one parser for the window and the headless modes.

#include <QCommandLineParser>
#include <QSize>
#include <QStringList>

namespace cwi {

struct CommandLine
{
    QString file;
    bool demo = false;
    bool info = false;
    bool edit = false;
    bool noLive = false;
    QString screenshot; // output PNG
    QString view = QStringLiteral("dashboard");
    bool viewGiven = false; // --view without --screenshot opens that view in the window
    int timeoutMs = 30000; // --timeout: how long --screenshot waits for the view to load
    bool dumpState = false; // --dump-state: with --screenshot, print what the window shows (JSON)
    QSize size { 1440, 900 };
    QString exportSession; // AGENT_ID:SESSION
    QString format = QStringLiteral("md");
    QString output;
    QStringList doArgs; // ACTION ID [ARG...]
    QString query; // --query SQL
    bool formatGiven = false;
    QString error; // a usage error, for exit code 2

    bool isHeadless() const { return info || !exportSession.isEmpty() || !doArgs.isEmpty() || !query.isEmpty(); }
};

// Fills PARSER's options (so --help lists them all) and reads ARGUMENTS.
CommandLine parseCommandLine(QCommandLineParser &parser, const QStringList &arguments);

// Scans ARGV before QApplication exists: headless modes must not need a display.
bool argumentsAreHeadless(int argc, char **argv);
bool argumentsWantScreenshot(int argc, char **argv);

} // namespace cwi
