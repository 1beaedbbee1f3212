// SPDX-License-Identifier: MIT
#include "gui/connect/envimportdialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Amo::Gui {

EnvImportDialog::EnvImportDialog(QWidget *parent)
    : QDialog(parent)
    , m_text(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Import from Environment"));
    auto *hint = new QLabel(tr("Paste the agent's environment settings (KEY=value lines, as in a Kubernetes env "
                               "file, a .env file or export lines), or open such a file."),
                            this);
    hint->setWordWrap(true);
    m_text->setObjectName(u"envText"_s);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setPlaceholderText(u"AZURE_TENANT_ID=…\nAZURE_CLIENT_ID=…\nAZUREIDENTITY_EXPIRY=true"_s);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *open = buttons->addButton(tr("Open File…"), QDialogButtonBox::ActionRole);
    open->setObjectName(u"openEnvFileButton"_s);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    connect(open, &QPushButton::clicked, this, &EnvImportDialog::openFile);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
    resize(560, 380);
}

QString EnvImportDialog::text() const
{
    return m_text->toPlainText();
}

void EnvImportDialog::setText(const QString &text)
{
    m_text->setPlainText(text);
}

void EnvImportDialog::openFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Environment File"), {},
                                                      tr("Environment files (*.env *.sh *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        QMessageBox::warning(this, windowTitle(), tr("Cannot read %1: %2").arg(path, file.errorString()));
        return;
    }
    m_text->setPlainText(QString::fromUtf8(file.readAll()));
}

} // namespace Amo::Gui
