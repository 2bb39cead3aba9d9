package cn.tzsw.college.ui;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;

/** The upload button and drop label in the user's language (the rest keeps Vaadin's defaults). */
public final class UploadTexts {

    private UploadTexts() {
    }

    public static void apply(Upload upload) {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(upload.getTranslation("upload.addFile")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(upload.getTranslation("upload.dropFile")));
        upload.setI18n(i18n);
    }
}
