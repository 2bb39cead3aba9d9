package cn.tzsw.college.ui;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import java.util.List;

/** Every text of the upload widget in the user's language (Vaadin's own are English only). */
public final class UploadTexts {

    private UploadTexts() {
    }

    public static void apply(Upload upload) {
        UploadI18N i18n = new UploadI18N();
        String add = upload.getTranslation("upload.addFile");
        String drop = upload.getTranslation("upload.dropFile");
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(add).setMany(add));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(drop).setMany(drop));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(upload.getTranslation("upload.error.tooManyFiles"))
                .setFileIsTooBig(upload.getTranslation("upload.error.fileIsTooBig"))
                .setIncorrectFileType(upload.getTranslation("upload.error.incorrectFileType")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(upload.getTranslation("upload.status.connecting"))
                        .setStalled(upload.getTranslation("upload.status.stalled"))
                        .setProcessing(upload.getTranslation("upload.status.processing"))
                        .setHeld(upload.getTranslation("upload.status.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(upload.getTranslation("upload.remaining.prefix"))
                        .setUnknown(upload.getTranslation("upload.remaining.unknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(upload.getTranslation("upload.failed.serverUnavailable"))
                        .setUnexpectedServerError(upload.getTranslation("upload.failed.unexpected"))
                        .setForbidden(upload.getTranslation("upload.failed.forbidden"))
                        .setFileTooLarge(upload.getTranslation("upload.error.fileIsTooBig"))));
        i18n.setFile(new UploadI18N.File().setRetry(upload.getTranslation("upload.file.retry"))
                .setStart(upload.getTranslation("upload.file.start"))
                .setRemove(upload.getTranslation("upload.file.remove")));
        i18n.setUnits(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"));
        upload.setI18n(i18n);
    }
}
